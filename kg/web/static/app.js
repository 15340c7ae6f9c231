// The kg serve page: a SPARQL editor with the ready queries, and the graph views as a
// network with a time slider. Queries go to /sparql like any client's; the server adds
// /api/queries, /api/bind (a ready query with values bound), /api/view and /api/info.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const MAX_ROWS_SHOWN = 2000; // rows drawn in the table; the count says how many came
  const ALL_LABELS = 60; // up to this many nodes shown, every one is labelled; past it, the busiest
  const BUSIEST = 40; // nodes labelled past ALL_LABELS: those with the most links in the chosen time
  // unit: one screen pixel in the drawing's coordinates when the whole view fits (sizes follow zoom from there)
  const state = { info: null, editor: null, current: null, view: null, cy: null, timer: null, unit: 1 };

  async function fetchJSON(url, options) {
    const response = await fetch(url, options);
    const text = await response.text();
    if (!response.ok) throw new Error(text.trim() || `${response.status} ${response.statusText}`);
    return JSON.parse(text);
  }

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  }

  // "1 row", "2 rows", "1,204 encounters"
  const count = (n, word, words = `${word}s`) => `${n.toLocaleString("en")} ${n === 1 ? word : words}`;

  function say(id, text, isError = false) {
    $(id).textContent = text;
    $(id).classList.toggle("error", isError);
  }

  // ---- the editor: CodeMirror when vendored, else a plain text box ------------------------------
  function makeEditor() {
    const host = $("editor");
    if (window.KgEditor) {
      state.editor = window.KgEditor.createEditor(host, "", runQuery);
      return;
    }
    const area = element("textarea", { spellcheck: "false", "aria-label": "SPARQL query" });
    area.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        runQuery();
      }
    });
    host.appendChild(area);
    state.editor = { get: () => area.value, set: (value) => { area.value = value; }, focus: () => area.focus() };
  }

  // ---- ready queries and their parameters -------------------------------------------------------
  async function loadQueries() {
    const queries = await fetchJSON("/api/queries");
    for (const query of queries) {
      const button = element("button", { type: "button", "aria-pressed": "false", title: query.answers }, query.name);
      button.dataset.query = query.name;
      button.addEventListener("click", () => pickQuery(query));
      $("query-list").appendChild(button);
    }
    if (queries.length) pickQuery(queries[0], false);
  }

  function pickQuery(query, run = true) {
    state.current = query;
    for (const button of $("query-list").children) {
      button.setAttribute("aria-pressed", String(button.dataset.query === query.name));
    }
    $("query-about").textContent = query.answers;
    const fields = $("param-fields");
    fields.replaceChildren();
    for (const param of query.params) {
      const label = element("label", { title: param.description }, `${param.name} (${param.kind})`);
      const input = element("input", { name: param.name, placeholder: param.default, autocomplete: "off" });
      if (param.kind === "start" || param.kind === "end") input.setAttribute("pattern", "\\d{4}(-\\d{2}(-\\d{2})?)?");
      label.appendChild(input);
      fields.appendChild(label);
    }
    $("params").hidden = query.params.length === 0;
    state.editor.set(query.text);
    if (run) runQuery();
  }

  async function applyParams(event) {
    event.preventDefault();
    const params = {};
    for (const input of $("param-fields").querySelectorAll("input")) {
      if (input.value.trim()) params[input.name] = input.value.trim();
    }
    try {
      const bound = await fetchJSON("/api/bind", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: state.current.name, params }),
      });
      state.editor.set(bound.text);
      runQuery();
    } catch (error) {
      say("query-status", error.message, true);
    }
  }

  // ---- running a query and showing its answer ---------------------------------------------------
  function shorten(iri) {
    let best = null;
    for (const [prefix, namespace] of Object.entries(state.info ? state.info.prefixes : {})) {
      if (iri.startsWith(namespace) && (!best || namespace.length > best[1].length)) best = [prefix, namespace];
    }
    return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
  }

  function cell(term) {
    const td = element("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.textContent = shorten(term.value);
      td.title = term.value;
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) td.title = `@${term["xml:lang"]}`;
      else if (term.datatype) td.title = shorten(term.datatype);
    }
    return td;
  }

  function showTable(data) {
    const table = element("table");
    const head = element("tr");
    for (const name of data.head.vars) head.appendChild(element("th", {}, name));
    table.appendChild(element("thead")).appendChild(head);
    const body = table.appendChild(element("tbody"));
    const rows = data.results.bindings;
    for (const row of rows.slice(0, MAX_ROWS_SHOWN)) {
      const tr = element("tr");
      for (const name of data.head.vars) tr.appendChild(cell(row[name]));
      body.appendChild(tr);
    }
    $("results").replaceChildren(table);
    return rows.length;
  }

  async function runQuery() {
    const text = state.editor.get();
    if (!text.trim()) return;
    say("query-status", "running…");
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/sparql-results+json, application/n-triples;q=0.9",
        },
        body: new URLSearchParams({ query: text }),
      });
      const body = await response.text();
      if (!response.ok) {
        $("results").replaceChildren();
        say("query-status", `${response.status}: ${body.trim()}`, true);
        return;
      }
      const took = `${Math.round(performance.now() - started)} ms`;
      if ((response.headers.get("Content-Type") || "").includes("json")) {
        const data = JSON.parse(body);
        if ("boolean" in data) {
          $("results").replaceChildren(element("p", {}, `ASK: ${data.boolean}`));
          say("query-status", took);
          return;
        }
        const rows = showTable(data);
        const shown = rows > MAX_ROWS_SHOWN ? ` (the first ${MAX_ROWS_SHOWN} shown)` : "";
        say("query-status", `${count(rows, "row")}${shown} in ${took}`);
      } else {
        const lines = body.split("\n").filter(Boolean);
        $("results").replaceChildren(element("pre", {}, lines.slice(0, MAX_ROWS_SHOWN).join("\n")));
        say("query-status", `${count(lines.length, "triple")} in ${took}`);
      }
    } catch (error) {
      say("query-status", `the server did not answer: ${error.message}`, true);
    }
  }

  // ---- the network view ---------------------------------------------------------------------------
  function dayBefore(date, days) {
    const [y, m, d] = date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d - days + 1)).toISOString().slice(0, 10);
  }

  function graphStyle(view) {
    const directed = view.directed && view.edges.length <= 3000;
    return [
      { selector: "node", style: {
        "background-color": "data(color)", width: "data(size)", height: "data(size)", label: "data(shown)",
        "font-size": "data(font)", color: "#222", "text-outline-color": "#fff", "text-outline-width": "data(outline)",
        "text-valign": "top", "text-margin-y": "data(margin)" } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(color)", opacity: 0.75,
        "curve-style": directed ? "bezier" : "haystack",
        "target-arrow-shape": directed ? "triangle" : "none", "target-arrow-color": "data(color)", "arrow-scale": 0.8 } },
      { selector: ".off", style: { display: "none" } },
      { selector: "node:selected", style: { "border-width": "data(outline)", "border-color": "#111", label: "data(label)" } },
    ];
  }

  async function loadView() {
    const name = $("view-choice").value;
    const lang = $("view-lang").value;
    say("time-label", "loading the view…");
    let view;
    try {
      view = await fetchJSON(`/api/view?name=${encodeURIComponent(name)}&lang=${encodeURIComponent(lang)}`);
    } catch (error) {
      say("time-label", error.message, true);
      return;
    }
    state.view = view;
    const scale = 150 + 40 * Math.sqrt(view.nodes.length);
    const elements = view.nodes.map((node) => ({
      group: "nodes",
      position: { x: node.x * scale, y: node.y * scale },
      data: { ...node, size: 8, font: 11, outline: 2, margin: -3, shown: "" },
    }));
    view.edges.forEach((edge, index) => {
      elements.push({ group: "edges", data: { id: `e${index}`, source: edge.source, target: edge.target, width: 1, color: "#999" } });
    });
    if (state.cy) state.cy.destroy();
    if (!window.cytoscape) {
      say("time-label", `${view.nodes.length} nodes, ${view.edges.length} edges (the drawing needs its libraries: see above)`, true);
      return;
    }
    const big = view.nodes.length > 2000;
    state.cy = window.cytoscape({
      container: $("graph"), elements, layout: { name: "preset" }, style: graphStyle(view),
      minZoom: 0.05, maxZoom: 6, textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: 1,
    });
    state.cy.on("tap", "node", (event) => showNode(event.target.data()));
    state.cy.on("tap", "edge", (event) => showEdge(view.edges[Number(event.target.id().slice(1))], event.target.data("count")));
    $("time").max = String(view.dates.length);
    $("time").value = String(view.dates.length);
    showLegend(view);
    state.cy.fit(undefined, 30);
    state.unit = 1 / state.cy.zoom();
    const unit = state.unit;
    state.cy.nodes().data({ font: 11 * unit, outline: 2 * unit, margin: -3 * unit });
    applyTime();
  }

  function applyTime() {
    const view = state.view;
    if (!view || !state.cy) return;
    const index = Number($("time").value);
    const all = index >= view.dates.length;
    const end = all ? null : view.dates[index];
    const days = Number($("time-mode").value);
    const start = all || !days ? null : dayBefore(end, days);
    const inside = (date) => (!end || date <= end) && (!start || date >= start);
    const degree = new Map();
    let heaviest = 1;
    const counts = view.edges.map((edge) => {
      let count = 0;
      const tally = { support: 0, oppose: 0, congratulate: 0 };
      edge.dates.forEach((date, i) => {
        if (inside(date)) {
          count += 1;
          if (edge.stances) tally[edge.stances[i]] += 1;
        }
      });
      if (all && edge.undated) {
        for (const [stance, n] of Object.entries(edge.undated)) {
          count += n;
          tally[stance] += n;
        }
      }
      if (all && !edge.stances) count = Math.max(count, edge.weight);
      heaviest = Math.max(heaviest, count);
      return [count, tally];
    });
    let shownEdges = 0;
    let events = 0;
    state.cy.batch(() => {
      counts.forEach(([count, tally], index) => {
        const edge = view.edges[index];
        const drawn = state.cy.getElementById(`e${index}`);
        drawn.toggleClass("off", count === 0);
        if (!count) return;
        shownEdges += 1;
        events += count;
        for (const id of [edge.source, edge.target]) degree.set(id, (degree.get(id) || 0) + 1);
        let color = "#8a96a3";
        if (edge.stances) {
          const net = tally.support === tally.oppose ? (tally.support ? "mixed" : "congratulate")
            : (tally.support > tally.oppose ? "support" : "oppose");
          color = view.stance_colors[net];
        }
        drawn.data({ count, width: (0.8 + 5 * Math.sqrt(count / heaviest)) * state.unit, color });
      });
      const shown = state.cy.nodes().filter((node) => all || degree.has(node.id()));
      const ranked = shown.toArray().sort((a, b) => (degree.get(b.id()) || 0) - (degree.get(a.id()) || 0)
        || b.data("degree") - a.data("degree"));
      const labelled = new Set(ranked.slice(0, ranked.length <= ALL_LABELS ? ALL_LABELS : BUSIEST).map((n) => n.id()));
      state.cy.nodes().forEach((node) => {
        const links = degree.get(node.id()) || 0;
        node.toggleClass("off", !all && links === 0);
        node.data({ size: (6 + 3 * Math.sqrt(links)) * state.unit, shown: labelled.has(node.id()) ? node.data("label") : "" });
      });
    });
    const first = view.dates[0] || "";
    const unit = { interactions: "encounter", endorsements: "statement", affiliations: "report" }[view.view] || "event";
    const span = all ? `all dates (${first} – ${view.dates[view.dates.length - 1] || ""}), undated included`
      : `${start || first} – ${end}`;
    say("time-label", `${span}: ${count(shownEdges, "link")}, ${count(events, unit)}`);
  }

  function showLegend(view) {
    const legend = $("legend");
    legend.replaceChildren();
    const kinds = new Set(view.nodes.map((node) => node.kind));
    for (const [kind, color] of Object.entries(view.kind_colors)) {
      if (!kinds.has(kind)) continue;
      const item = element("span", {}, kind);
      item.style.setProperty("--swatch", color);
      legend.appendChild(item);
    }
    if (view.view === "endorsements") {
      for (const [stance, color] of Object.entries(view.stance_colors)) {
        const item = element("span", { class: "line" }, stance);
        item.style.setProperty("--swatch", color);
        legend.appendChild(item);
      }
    }
    legend.appendChild(element("span", { class: "hint" }, "width: how many in the chosen time; click a node or a link"));
  }

  function showNode(node) {
    const parts = [node.label, node.kind, node.state, node.role, node.region].filter(Boolean);
    $("details").textContent = `${parts.join(" · ")} — ${node.degree} links in all`;
  }

  function showEdge(edge, count) {
    const nodes = state.view.nodes;
    const label = (id) => (nodes.find((node) => node.id === id) || { label: id }).label;
    const dates = edge.dates.length > 12 ? `${edge.dates.slice(0, 12).join(", ")} …` : edge.dates.join(", ");
    $("details").textContent = `${label(edge.source)} – ${label(edge.target)}: ${count} in the chosen time`
      + `, ${edge.weight} in all${edge.info ? ` (${edge.info})` : ""}${dates ? `; dates ${dates}` : ""}`;
  }

  function play() {
    if (state.timer) {
      clearInterval(state.timer);
      state.timer = null;
      $("play").textContent = "Play";
      return;
    }
    const slider = $("time");
    if (Number(slider.value) >= Number(slider.max)) slider.value = "0";
    const step = Math.max(1, Math.round(Number(slider.max) / 120));
    $("play").textContent = "Stop";
    state.timer = setInterval(() => {
      slider.value = String(Math.min(Number(slider.max), Number(slider.value) + step));
      applyTime();
      if (Number(slider.value) >= Number(slider.max)) play();
    }, 150);
  }

  // ---- start ---------------------------------------------------------------------------------------
  async function start() {
    makeEditor();
    $("run").addEventListener("click", runQuery);
    $("params").addEventListener("submit", applyParams);
    try {
      state.info = await fetchJSON("/api/info");
    } catch (error) {
      say("query-status", `the server did not answer: ${error.message}`, true);
      return;
    }
    const versions = Object.entries(state.info.libraries).map(([name, version]) => `${name} ${version}`);
    const main = versions.filter((text) => !text.startsWith("@")); // the rest are CodeMirror's parts
    $("about").textContent = main.length ? `built on ${main.join(" and ")}` : "";
    $("about").title = versions.join(", ");
    for (const name of state.info.views) $("view-choice").appendChild(element("option", { value: name }, name));
    for (const lang of state.info.langs) $("view-lang").appendChild(element("option", { value: lang }, lang));
    $("view-choice").addEventListener("change", loadView);
    $("view-lang").addEventListener("change", loadView);
    $("time").addEventListener("input", applyTime);
    $("time-mode").addEventListener("change", applyTime);
    $("play").addEventListener("click", play);
    await Promise.all([loadQueries().catch((error) => say("query-status", error.message, true)), loadView()]);
    document.body.dataset.ready = "true"; // the page has drawn what it has: tests wait for it
  }

  start();
})();
