import { loadCaseSeries } from "../lib/load.ts";
const t0 = performance.now();
const s = await loadCaseSeries(Deno.args[0]);
console.log(s.cases.length, (performance.now() - t0).toFixed(0), "ms");
