/** The one page of the example; its script is the bundled `browser/trip-page.ts`. */
export const pageHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Rivulet · trip planner</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
    form { display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; }
    label { display: grid; font-size: .85rem; color: #56606b; }
    input, select, button { font: inherit; padding: .35rem .6rem; }
    #status { margin: 1rem 0; font-size: .9rem; color: #56606b; }
    #status[data-state="streaming"] { color: #0a6ebd; }
    #status[data-state="error"] { color: #b3261e; }
    ol { padding: 0; list-style: none; }
    li.day { border: 1px solid #dde3ea; border-radius: .5rem; padding: .6rem .9rem; margin: .6rem 0; animation: appear .25s ease-out; }
    li.day h3 { margin: 0 0 .3rem; font-size: 1rem; }
    li.day ul { margin: 0; padding-left: 1.2rem; }
    #renders { font-size: .8rem; color: #8a939c; }
    @keyframes appear { from { opacity: 0; transform: translateY(4px); } }
  </style>
</head>
<body>
  <h1>Trip planner</h1>
  <form id="trip-form">
    <label>Destination <input id="destination-input" value="Lisbon" required></label>
    <label>Days <select id="days-input">${[1, 2, 3, 4, 5, 6, 7].map((n) => `<option${n === 4 ? ' selected' : ''}>${n}</option>`).join('')}</select></label>
    <button id="plan-button" type="submit">Plan my trip</button>
    <button id="stop-button" type="button" disabled>Stop</button>
  </form>
  <p id="status" data-state="idle">idle</p>
  <section id="plan">
    <h2 id="plan-destination"></h2>
    <p id="plan-summary"></p>
    <ol id="plan-days"></ol>
  </section>
  <p id="renders"></p>
  <script type="module" src="/trip-page.js"></script>
</body>
</html>
`;
