/**
 * Globals the mini-program runtime provides and miniprogram-simulate does not (docs/testing.md):
 * TDesign's base component calls getApp() when it is constructed. Pages here never read global state.
 */
const globals = globalThis as Record<string, unknown>;
globals['getApp'] = () => ({ globalData: {} });
globals['getCurrentPages'] = () => [];
