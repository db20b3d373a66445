/** The core: types, spans, dates and errors. Imports nothing outside core. */
export * from './dates.js';
export * from './errors.js';
export * from './span.js';
export * from './types.js';
