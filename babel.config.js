// Taro's babel preset compiles the app (React + TypeScript) for weapp and h5.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
