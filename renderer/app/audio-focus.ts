// One sound at a time: a preview and the library player never play over each other. Whoever starts
// playing claims the focus, and the previous holder is told to pause.

type Pause = () => void;

let holder: { owner: object; pause: Pause } | null = null;

/** Call right before playing; `pause` is called if someone else claims the focus later. */
export function claimAudioFocus(owner: object, pause: Pause): void {
  if (holder && holder.owner !== owner) holder.pause();
  holder = { owner, pause };
}

/** Call when the owner stops or unmounts, so a later claim does not pause what is already silent. */
export function releaseAudioFocus(owner: object): void {
  if (holder?.owner === owner) holder = null;
}
