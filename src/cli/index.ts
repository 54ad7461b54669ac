// Entry for bin/replylint.js.
export { main, processIO, EXIT_FAILURE, EXIT_LINT, EXIT_OK } from './main.js';
