// What an app host (the Electron shell or web mode) gives the app service, and what it gets back.
import type { AppApi } from '../../shared/app-api/contract.ts';
import type { EngineEvents } from '../events/engine-events.ts';
import type { OpenedLibraryFile } from '../media/library-file.ts';
import type { PreviewAnswer, PreviewRequest } from '../media/preview-proxy.ts';
import type { EnginePorts } from '../ports.ts';

export interface AppHostPorts extends EnginePorts {
  transport: 'electron' | 'web';
  /** App version shown in the UI. */
  version: string;
  /** Reveals a file or folder in the OS file manager (shell.showItemInFolder). Web mode: absent. */
  openFolder?: (absolutePath: string) => void | Promise<void>;
  /**
   * Opens a file with the OS's default app (shell.openPath). Absent (web mode, which runs on the
   * listener's machine): the core runs the OS's opener itself (xdg-open, open, rundll32).
   */
  openPath?: (absolutePath: string) => Promise<void>;
  /** Shows an OS notification (Electron Notification). Web mode: absent; the UI shows a toast. */
  notify?: (title: string, body: string) => void;
}

/** Which store the app talks to at start. */
export type StoreChoice =
  /** The saved session or settings; with neither (first start), the embedded demo store. */
  | { kind: 'auto' }
  /** Always the embedded demo store, kept in <home>/demo-store. */
  | { kind: 'demo' }
  /** This store URL (log in from the UI, or reuse a saved session for it). */
  | { kind: 'url'; url: string };

export interface CoverImage {
  bytes: Uint8Array;
  contentType: string;
}

export interface AppService {
  /** The contract, implemented; every method validates nothing (transports do) and throws MegadiscError. */
  readonly api: AppApi;
  /** Core events, already in the contract's event shapes. */
  readonly events: EngineEvents;
  /** Set when the embedded demo store runs: its URL and one unused voucher code for the UI to show. */
  readonly demo: { url: string; vouchers: string[] } | null;
  /**
   * Whether a URL is the payment page the store returned for a checkout of this app that is still
   * waiting to be paid (https, or http on loopback for the demo's test provider): the desktop shell
   * opens such a page in the system browser, and nothing else outside its allowlist.
   */
  isPaymentPage(url: string): boolean;
  /** A store cover (proxied and cached) or a library album's cover (cover.jpg or an embedded one). */
  cover(source: 'store' | 'library', albumId: number, size: number): Promise<CoverImage | null>;
  /**
   * A library file by its index id, opened for reading (the caller closes `handle`): NOT_FOUND for
   * an unknown or missing file, PERMISSION_DENIED for one whose real path leaves the library folder.
   */
  libraryFile(fileId: number): Promise<OpenedLibraryFile>;
  /** A track's free store preview for the UI's audio element (Range passed through); never throws. */
  preview(trackId: number, request: PreviewRequest): Promise<PreviewAnswer>;
  /** Stops downloads at a checkpoint, the demo store and the database. */
  close(): Promise<void>;
}
