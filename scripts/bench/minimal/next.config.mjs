// Built with `next build --webpack`: Turbopack takes the repository root as its root and would
// bundle the app's proxy.ts and instrumentation.ts into this reference, which must have neither.
export default {};
