/**
 * Plotly's cartesian partial bundle (scatter, heatmap, bar and the other 2-D cartesian traces, a third
 * of the full bundle's size) ships without types; its API is the full bundle's, whose types it reuses.
 */
declare module 'plotly.js-cartesian-dist-min' {
  import Plotly from 'plotly.js-dist-min';
  export default Plotly;
}
