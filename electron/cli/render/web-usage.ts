// The syntax of `megadisc web`, shown by the help and by its own usage errors.
export const WEB_USAGE = 'megadisc web [--port N] [--home DIR] [--store URL | --demo] [--no-open]';
