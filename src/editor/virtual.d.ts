declare module 'virtual:keystatic-config' {
  const config: import('@keystatic/core').Config<any, any>;
  export default config;
}
