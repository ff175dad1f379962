// Leaf helpers shared by every area. lib/util imports nothing else in lib/.
export { goQuote, goQuoteList } from './go-quote';
export {
  codePointAt,
  goToLower,
  goTrimSpace,
  isBlankSeparator,
  isGoDigit,
  isGoLetter,
  isGoSpace,
  isRe2Space,
  runeString,
  skipGoSpace,
  toWellFormed,
  trimGoSpaceEnd,
  utf8Bytes,
  utf8Length,
} from './go-text';
export { goClean, goDir } from './go-path';
export { isDigest, sha256Of, shortId, wasmSha256, type Digest, type Sha256, type Sha256Factory } from './digest';
export { iterableToStream } from './streams';
export { formatIssues, formatJsonPath } from './json-path';
export { goFormatG3, humanDuration, humanSize, humanSize4 } from './human-units';
