// lib/cli/go-template — Go's text/template with docker/cli's functions and formatter (`--format`).
export { TemplateError } from './errors';
export { GoTemplate, executeTemplate, headerContext, preFormat, renderFormat, type FormatSpec } from './formatter';
export { DOCKER_TABWRITER, tabwrite, type TabwriterSettings } from './tabwriter';
export { GoFloat, GoMap, GoNil, goMap, goNilMap, goNilSlice, goStruct } from './values';
export { formatValue, sprint, sprintf, sprintln } from './fmt';
export { goOmitEmpty, marshal as goJson } from './json';
