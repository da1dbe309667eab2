// The same guard when jest is run on this config directly.
module.exports = async () => {
  require('./require-shared.cjs');
};
