// CommonJS stand-in for the ESM-only `strip-bom` that @microsoft/app-manifest requires; jest cannot load
// ESM from node_modules without a transform, and this one-liner is all the package does.
module.exports = function stripBom(text) {
  return typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
module.exports.default = module.exports;
