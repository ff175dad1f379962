import type { ITheme } from '@xterm/xterm';

/**
 * The terminal's colours for the site's light and dark schemes (app/globals.css). Every ANSI
 * colour a command uses for text (BuildKit's blue, the prompt's green and blue, errors in red)
 * keeps at least 4.5:1 contrast on the background, so it reads in both schemes; xterm's
 * `minimumContrastRatio` guards anything a program combines oddly.
 */
export const LIGHT_THEME: ITheme = {
  background: '#f6f8fa',
  foreground: '#1b1f24',
  cursor: '#1b1f24',
  cursorAccent: '#f6f8fa',
  selectionBackground: '#b6d4f5',
  selectionForeground: '#1b1f24',
  black: '#24292f',
  red: '#b4232c',
  green: '#116329',
  yellow: '#6f4400',
  blue: '#0550ae',
  magenta: '#7339c4',
  cyan: '#0f6570',
  white: '#57606a',
  brightBlack: '#57606a',
  brightRed: '#a0111f',
  brightGreen: '#0a4f1f',
  brightYellow: '#5c3800',
  brightBlue: '#0a3d8a',
  brightMagenta: '#5e2aa8',
  brightCyan: '#0b525b',
  brightWhite: '#32383f',
};

export const DARK_THEME: ITheme = {
  background: '#0f1419',
  foreground: '#e6edf3',
  cursor: '#e6edf3',
  cursorAccent: '#0f1419',
  selectionBackground: '#264f78',
  selectionForeground: '#ffffff',
  black: '#848d97',
  red: '#ff7b72',
  green: '#3fb950',
  yellow: '#d29922',
  blue: '#6cb6ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#c9d1d9',
  brightBlack: '#8b949e',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#e3b341',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#87e4eb',
  brightWhite: '#ffffff',
};

/** xterm raises a colour's lightness until it reaches this contrast with its background (WCAG AA). */
export const MINIMUM_CONTRAST = 4.5;
