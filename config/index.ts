import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
// core/ lives outside src/ and is shared with the cloud functions: compile it like app code.
const shared = [path.join(root, 'core')];

export default defineConfig<'webpack5'>(async (merge) => {
  const base = {
    projectName: 'sprout',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    alias: {
      '@': path.join(root, 'src'),
      '@core': path.join(root, 'core'),
    },
    // H5 only: a favicon (browsers ask for one; without it every page load logs a 404).
    copy: { patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/assets/tab/home-on.png', to: 'dist/h5/favicon.png' }] : [], options: {} },
    framework: 'react' as const,
    compiler: { type: 'webpack5' as const, prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Modules used only by subpackages stay out of the main package (2 MB limit).
      optimizeMainPackage: { enable: true },
      compile: { include: shared },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: shared },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      router: { mode: 'hash' as const },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, base, devConfig);
  return merge({}, base, prodConfig);
});
