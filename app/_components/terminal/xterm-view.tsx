'use client';
// The xterm.js screen and its wiring: keys to the controller, the controller's output to the
// screen, fit to the pane, copy and paste, image links. Loaded only through Terminal's dynamic
// import, so pages without a terminal never download xterm.
import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal as XTerm, type ILink } from '@xterm/xterm';
import { useEffect, useRef } from 'react';
import type { TerminalApi } from '@/app/_lib/engine/api';
import { TerminalController, type TerminalScreen, type TerminalState } from './controller';
import { imageLinksAt } from './image-links';
import styles from './terminal.module.css';
import { DARK_THEME, LIGHT_THEME, MINIMUM_CONTRAST } from './theme';

export interface XtermViewProps {
  api: TerminalApi;
  scheme: 'light' | 'dark';
  screenReaderMode: boolean;
  onState(state: TerminalState): void;
  onOutput(output: string): void;
  onImageLink?(ref: string): void;
}

export default function XtermView(props: XtermViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<XTerm | null>(null);
  // The terminal is built once; it calls whatever props are current.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const initial = latest.current;
    const xterm = new XTerm({
      theme: initial.scheme === 'dark' ? DARK_THEME : LIGHT_THEME,
      minimumContrastRatio: MINIMUM_CONTRAST,
      screenReaderMode: initial.screenReaderMode,
      fontFamily: getComputedStyle(element).fontFamily,
      fontSize: 14,
      scrollback: 5000,
      cursorBlink: false,
      allowProposedApi: false,
      // Selecting with the mouse copies (below); a right click selects a word, as in most terminals.
      rightClickSelectsWord: true,
    });
    terminal.current = xterm;
    const fit = new FitAddon();
    xterm.loadAddon(fit);
    xterm.open(element);
    fit.fit();
    // Bracketed paste: a pasted block reaches the controller as one paste, not as typed Enters.
    xterm.write('\x1b[?2004h');

    // The session's api may be a Comlink proxy: always call it through the current prop.
    const api: TerminalApi = {
      prompt: () => latest.current.api.prompt(),
      run: (text, output) => latest.current.api.run(text, output),
      cancel: () => latest.current.api.cancel(),
      complete: (line, cursor) => latest.current.api.complete(line, cursor),
      history: () => latest.current.api.history(),
      resize: (columns, rows) => latest.current.api.resize?.(columns, rows),
    };
    const screen: TerminalScreen = {
      write: (data) => xterm.write(data),
      flush: () => new Promise((resolve) => xterm.write('', resolve)),
      columns: () => xterm.cols,
      cursorColumn: () => xterm.buffer.active.cursorX,
    };
    const controller = new TerminalController(api, screen, {
      onState: (state) => latest.current.onState(state),
      onOutput: (output) => latest.current.onOutput(output),
    });
    const disposables = [
      xterm.onData((data) => controller.input(data)),
      xterm.onResize(({ cols, rows }) => controller.resized(cols, rows)),
      xterm.onSelectionChange(() => {
        if (xterm.hasSelection()) copy(xterm.getSelection());
      }),
      xterm.registerLinkProvider({
        provideLinks(y, callback) {
          if (latest.current.onImageLink === undefined) return callback(undefined);
          const buffer = xterm.buffer.active;
          // Link lines are 1-based; the table's header is looked for above.
          const links = imageLinksAt((i) => buffer.getLine(i)?.translateToString(true), y - 1);
          callback(
            links.map(
              (link): ILink => ({
                range: { start: { x: link.start + 1, y }, end: { x: link.end, y } },
                text: link.ref,
                activate: () => latest.current.onImageLink?.(link.ref),
              }),
            ),
          );
        },
      }),
    ];
    xterm.attachCustomKeyEventHandler(keyHandler(xterm));
    controller.resized(xterm.cols, xterm.rows);
    void controller.start();

    // Fit to the pane whenever it changes size (a dragged separator, a window resize).
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
      });
    });
    observer.observe(element);

    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      controller.dispose();
      disposables.forEach((d) => d.dispose());
      xterm.dispose();
      terminal.current = null;
    };
  }, []);

  useEffect(() => {
    if (terminal.current) terminal.current.options.theme = props.scheme === 'dark' ? DARK_THEME : LIGHT_THEME;
  }, [props.scheme]);

  useEffect(() => {
    if (terminal.current) terminal.current.options.screenReaderMode = props.screenReaderMode;
  }, [props.screenReaderMode]);

  return <div ref={host} className={styles.screen} onClick={() => terminal.current?.focus()} />;
}

/**
 * Keys the page handles before xterm: Ctrl+Shift+C copies the selection; Ctrl+V and
 * Ctrl+Shift+V let the browser paste (xterm takes the paste event); Escape then Tab (or
 * Shift+Tab at any time) moves the focus out, since Tab itself completes.
 */
function keyHandler(xterm: XTerm): (event: KeyboardEvent) => boolean {
  let escaped = false;
  return (event) => {
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (ctrl && !event.altKey && key === 'v') return false;
    if (ctrl && event.shiftKey && key === 'c') {
      if (event.type === 'keydown') {
        event.preventDefault();
        if (xterm.hasSelection()) copy(xterm.getSelection());
      }
      return false;
    }
    if (event.type !== 'keydown') return true;
    if (event.key === 'Tab' && (escaped || event.shiftKey)) {
      escaped = false;
      return false;
    }
    escaped = event.key === 'Escape';
    return true;
  };
}

function copy(text: string): void {
  // Without permission (an unfocused page, a locked-down browser) the selection just stays selected.
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}
