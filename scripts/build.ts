/** `npm run build`: build every cloud function into build/functions (what deployment uploads). */
import { buildFunctions, FUNCTIONS_OUT } from './build-functions';

buildFunctions()
  .then((r) =>
    console.log(`已构建 ${r.length} 个云函数到 ${FUNCTIONS_OUT}:${r.map((x) => x.name).join(', ')}`),
  )
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
