/** Vite's URL of a module bundled on its own (an audio worklet's code). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
