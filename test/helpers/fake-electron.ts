// A hand-written stand-in for the parts of `electron` the shell uses, for vi.mock('electron').
// Tests drive it (emit app events, call stored handlers) and read what the code asked of it.
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  removeListener(name: string, listener: Listener) {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
  count(name: string) {
    return this.listeners.get(name)?.length ?? 0;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextRoutingId = 1;
export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent, processId: 7, routingId: nextRoutingId++ };
}

/** A navigation event as Electron 45 passes it: the URL on the event, preventDefault to refuse. */
export function navigationEvent(url: string) {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends Emitter {
  mainFrame = fakeFrame('app://megadisc/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, any>;
  loadURL = vi.fn(async (_url: string) => {});
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  destroyed = false;
  constructor(options: Record<string, any>) {
    super();
    this.options = options;
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
}

export class FakeNotification {
  static shown: { title: string; body: string }[] = [];
  static supported = true;
  readonly options: { title: string; body: string };
  constructor(options: { title: string; body: string }) {
    this.options = options;
  }
  static isSupported() {
    return FakeNotification.supported;
  }
  show() {
    FakeNotification.shown.push(this.options);
  }
}

/** Reversible, but never the plaintext: enough to see that what hits the disk is not the JSON. */
function scramble(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => b ^ 0x5a));
}

function createState() {
  const app = Object.assign(new Emitter(), {
    /** Tests that start the app point this at a temp folder: the profile is created in it. */
    userData: '/nonexistent/megadisc-user-data',
    singleInstance: true,
    requestSingleInstanceLock: vi.fn(() => app.singleInstance),
    enableSandbox: vi.fn(),
    setName: vi.fn(),
    // Recorded only: tests choose userData themselves, so a test never writes outside its temp folder.
    setPath: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'appData' ? '/nonexistent/app-data' : app.userData)),
    getVersion: vi.fn(() => '9.9.9'),
    getPreferredSystemLanguages: vi.fn(() => ['ru-RU', 'en-US']),
    isPackaged: false,
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, (...args: any[]) => any>();
  const permissions: { request: Listener | null; check: Listener | null } = { request: null, check: null };
  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret',
    isEncryptionAvailable: vi.fn(() => safeStorage.available),
    getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
    encryptString: vi.fn((text: string) => scramble(Buffer.from(`enc:${text}`))),
    decryptString: vi.fn((data: Buffer) => {
      const text = scramble(data).toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext');
      return text.slice(4);
    }),
  };
  /** Menu.buildFromTemplate returns the template itself, so a test reads the menu as plain data. */
  const Menu = {
    /** What the last setApplicationMenu set (null before any). */
    applicationMenu: null as Record<string, any>[] | null,
    buildFromTemplate: vi.fn((template: Record<string, any>[]) => template),
    setApplicationMenu: vi.fn((menu: Record<string, any>[] | null) => {
      Menu.applicationMenu = menu;
    }),
  };
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, value: null })),
  });
  return {
    app,
    protocolHandlers,
    ipcHandlers,
    permissions,
    safeStorage,
    ipcRenderer,
    Menu,
    exposed: new Map<string, unknown>(),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((h: Listener) => {
          permissions.request = h;
        }),
        setPermissionCheckHandler: vi.fn((h: Listener) => {
          permissions.check = h;
        }),
      },
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Listener) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
      on: vi.fn(),
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}), showItemInFolder: vi.fn() },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    },
  };
}

export type FakeElectronState = ReturnType<typeof createState>;

/** The live fake; reset() before each test gives fresh spies and state. */
export const fake: FakeElectronState & { reset(): void } = Object.assign(createState(), {
  reset() {
    Object.assign(fake, createState());
    FakeBrowserWindow.instances = [];
    FakeNotification.shown = [];
    FakeNotification.supported = true;
  },
});

/** The module object vi.mock('electron') returns: getters, so reset() swaps what code sees. */
export function electronModule() {
  const module = {
    get app() {
      return fake.app;
    },
    get protocol() {
      return fake.protocol;
    },
    get session() {
      return fake.session;
    },
    get ipcMain() {
      return fake.ipcMain;
    },
    get ipcRenderer() {
      return fake.ipcRenderer;
    },
    get shell() {
      return fake.shell;
    },
    get dialog() {
      return fake.dialog;
    },
    get safeStorage() {
      return fake.safeStorage;
    },
    get Menu() {
      return fake.Menu;
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
    },
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
  };
  // Not spread: a spread would read each getter once and freeze the first fake in place.
  return Object.assign(module, { default: module });
}
