/** The page: an empty root for React, and the bundled `browser/main.tsx`. */
export const pageHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Rivulet · React trip planner</title>
  <link rel="icon" href="data:,">
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
    form { display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; }
    label { display: grid; font-size: .85rem; color: #56606b; }
    input, select, button { font: inherit; padding: .35rem .6rem; }
    .status { margin: 1rem 0; font-size: .9rem; color: #56606b; }
    .status[data-status="streaming"] { color: #0a6ebd; }
    .status[data-status="error"] { color: #b3261e; }
    ol { padding: 0; list-style: none; }
    /* Cards off screen skip layout and paint, so a plan of thousands of days still streams smoothly. */
    li.day { border: 1px solid #dde3ea; border-radius: .5rem; padding: .6rem .9rem; margin: .6rem 0; content-visibility: auto; contain-intrinsic-size: auto 7.5rem; }
    li.day h3 { margin: 0 0 .3rem; font-size: 1rem; }
    li.day ul { margin: 0; padding-left: 1.2rem; }
    .meter { font-size: .8rem; color: #8a939c; }
  </style>
</head>
<body>
  <div id="root"></div>
  <script type="module" src="/app.js"></script>
</body>
</html>
`;
