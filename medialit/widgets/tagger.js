// medialit span tagger: draws the state Python sends and reports the user's gestures.
// All article and feedback text goes into the page with textContent, never parsed as HTML.
// Offsets sent to Python are UTF-16 code units into the shown text (what the DOM counts).

function h(tag, attrs = {}, text = null) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") el.className = v;
    else if (k.startsWith("aria-") || k === "role" || k === "tabindex" || k.startsWith("data-"))
      el.setAttribute(k, v);
    else el[k] = v;
  }
  if (text !== null) el.textContent = text;
  return el;
}

// Labels drawn inside the text (a tag's, a revealed answer's): not words of the article.
const BADGES = ".ml-badge, .ml-answer-badge";

function render({ model, el }) {
  const root = h("div", { class: "ml-tagger" });
  el.appendChild(root);

  const title = h("div", { class: "ml-title", role: "heading", "aria-level": "3" });
  const labelBar = h("div", { class: "ml-labels", role: "radiogroup", "aria-label": "Labels" });
  const help = h("p", { class: "ml-help" },
    "Select words with the mouse to tag them, or click in the text and use the keyboard: " +
    "arrows move, Shift+arrows extend, Enter tags, Delete removes, L links a quote to its " +
    "speaker, 1–9 pick a label, U undoes.");
  const textEl = h("div", {
    class: "ml-text", tabindex: "0", role: "textbox", "aria-readonly": "true",
    "aria-multiline": "true", "aria-label": "Article text to tag",
  });
  const live = h("div", { class: "ml-sr", "aria-live": "polite" });
  const panel = h("div", { class: "ml-panel", role: "group", "aria-label": "Selected tag" });
  const listHead = h("div", { class: "ml-subtitle" }, "Your tags");
  const list = h("ul", { class: "ml-list", "aria-label": "Your tags" });
  const actions = h("div", { class: "ml-actions" });
  const undoBtn = h("button", { type: "button", class: "ml-undo" }, "Undo");
  const checkBtn = h("button", { type: "button", class: "ml-check" }, "Check my work");
  const revealBtn = h("button", { type: "button", class: "ml-reveal" }, "Reveal the answers");
  const exportBtn = h("button", { type: "button", class: "ml-export" }, "Export my work");
  actions.append(undoBtn, checkBtn, revealBtn, exportBtn);
  const status = h("div", { class: "ml-status", role: "status", "aria-live": "polite" });
  const feedback = h("div", { class: "ml-feedback", "aria-live": "polite" });
  root.append(title, labelBar, help, textEl, live, panel, listHead, list, actions, status,
    feedback);

  let tokEls = [];   // one <span> per token
  let gapEls = [];   // gapEls[i]: the text between token i-1 and token i (or null)
  let badges = [];
  let marked = [];
  let cursor = 0, anchor = 0, kbActive = false;
  let linkFrom = null;
  let pendingSince = null;

  const labels = () => model.get("labels");
  const labelOf = (name) => labels().find((l) => l.name === name);
  const tags = () => model.get("tags");
  const tagById = (id) => tags().find((t) => t.id === id);

  function send(msg) {
    model.send(msg);
  }

  // ---------------------------------------------------------------- text
  function drawText() {
    textEl.replaceChildren();
    const text = model.get("text");
    const toks = model.get("tokens");
    tokEls = [];
    gapEls = [];
    let pos = 0;
    toks.forEach(([s, e], i) => {
      if (s > pos) {
        const gap = h("span", { class: "ml-gap", "data-s": String(pos) }, text.slice(pos, s));
        textEl.appendChild(gap);
        gapEls[i] = gap;
      } else gapEls[i] = null;
      const tok = h("span", { class: "ml-tok", "data-s": String(s), "data-i": String(i) },
        text.slice(s, e));
      textEl.appendChild(tok);
      tokEls.push(tok);
      pos = e;
    });
    if (pos < text.length)
      textEl.appendChild(h("span", { class: "ml-gap", "data-s": String(pos) }, text.slice(pos)));
    marked = [];
    badges = [];
    answerEls = [];
    drawTags();
    drawAnswers(model.get("feedback"));
  }

  // The token spans of tokens [t0, t1) and the gaps between them.
  function piecesOf(t0, t1) {
    const out = [];
    for (let i = t0; i < t1; i++) {
      if (i > t0 && gapEls[i]) out.push(gapEls[i]);
      if (tokEls[i]) out.push(tokEls[i]);
    }
    return out;
  }

  function drawTags() {
    for (const b of badges) b.remove();
    badges = [];
    for (const m of marked) {
      m.classList.remove("ml-tagged", "ml-sel");
      m.style.removeProperty("--ml-colour");
      delete m.dataset.tags;
    }
    marked = [];
    const sel = model.get("selected");
    // Longest first, so the innermost tag's colour wins where tags overlap.
    const sorted = [...tags()].sort((a, b) => (b.end - b.start) - (a.end - a.start));
    for (const t of sorted) {
      const lab = labelOf(t.label);
      const colour = lab ? lab.colour : "#999999";
      for (const p of piecesOf(t.t0, t.t1)) {
        p.classList.add("ml-tagged");
        if (t.id === sel) p.classList.add("ml-sel");
        p.style.setProperty("--ml-colour", colour);
        p.dataset.tags = p.dataset.tags ? `${p.dataset.tags} ${t.id}` : t.id;
        marked.push(p);
      }
      if (tokEls[t.t0]) {
        const badge = h("span", { class: "ml-badge", "aria-hidden": "true" },
          lab ? lab.text : t.label);
        badge.contentEditable = "false";
        badge.style.setProperty("--ml-colour", colour);
        tokEls[t.t0].before(badge);
        badges.push(badge);
      }
    }
    drawCursor();
  }

  function tagsAtToken(i) {
    const found = tags().filter((t) => t.t0 <= i && i < t.t1);
    return found.sort((a, b) => (a.end - a.start) - (b.end - b.start));
  }

  // ---------------------------------------------------------------- mouse
  function pieceStart(node) {
    // The UTF-16 offset where a child of textEl begins.
    let n = node;
    while (n && !(n.dataset && n.dataset.s !== undefined)) n = n.nextSibling;
    return n ? Number(n.dataset.s) : model.get("text").length;
  }

  function pointToU16(node, offset) {
    if (!textEl.contains(node)) {
      // Outside the text box: before it counts as its start, after it as its end.
      const after = textEl.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
      return after ? model.get("text").length : 0;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const piece = node.parentElement;
      if (piece.dataset.s !== undefined) return Number(piece.dataset.s) + offset;
      return pieceStart(piece.closest(BADGES) || piece);
    }
    if (node === textEl) {
      const child = textEl.childNodes[offset];
      return child ? pieceStart(child) : model.get("text").length;
    }
    const piece = node.closest("[data-s]");
    if (piece) return Number(piece.dataset.s) + (offset > 0 ? piece.textContent.length : 0);
    return pieceStart(node.closest(BADGES) || node);
  }

  // A drag that starts in the text may end anywhere on the page: listen on the document.
  let dragging = false;
  textEl.addEventListener("mousedown", (ev) => {
    if (ev.button === 0) dragging = true;
  });
  const onMouseUp = (ev) => {
    if (!dragging) return;
    dragging = false;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && sel.rangeCount) {
      const r = sel.getRangeAt(0);
      const a = pointToU16(r.startContainer, r.startOffset);
      const b = pointToU16(r.endContainer, r.endOffset);
      sel.removeAllRanges();
      if (b > a) {
        pendingSince = performance.now();
        send({ type: "create", start: a, end: b, label: model.get("label") });
      }
      return;
    }
    const tok = ev.target.closest &&
      ev.target.closest(`.ml-tok, .ml-gap, ${BADGES}`);
    if (!tok || !textEl.contains(tok)) return;
    const ids = (tok.dataset.tags || "").split(" ").filter(Boolean);
    if (tok.dataset.i !== undefined) {
      cursor = anchor = Number(tok.dataset.i);
      drawCursor();
    }
    if (!ids.length) return;
    const inner = ids.map(tagById).filter(Boolean)
      .sort((x, y) => (x.end - x.start) - (y.end - y.start))[0];
    clickTag(inner);
  };
  document.addEventListener("mouseup", onMouseUp);

  function clickTag(t) {
    if (!t) return;
    if (linkFrom && linkFrom !== t.id) {
      send({ type: "link", from: linkFrom, to: t.id });
      linkFrom = null;
      root.classList.remove("ml-linking");
      return;
    }
    model.set("selected", t.id);
    model.save_changes();
  }

  function startLink(id) {
    const t = tagById(id);
    const lab = t && labelOf(t.label);
    if (!lab || !lab.links_to) {
      say("Select a quote tag first, then link it to its speaker.");
      return;
    }
    linkFrom = id;
    root.classList.add("ml-linking");
    say(`Now click the ${labelOf(lab.links_to).text} tag (or move to it and press Enter).`);
  }

  // ---------------------------------------------------------------- keyboard
  function drawCursor() {
    for (const t of tokEls) t.classList.remove("ml-cursor", "ml-kbsel");
    if (!kbActive || !tokEls.length) return;
    const lo = Math.min(anchor, cursor), hi = Math.max(anchor, cursor);
    for (let i = lo; i <= hi; i++) tokEls[i].classList.add("ml-kbsel");
    tokEls[cursor].classList.add("ml-cursor");
  }

  function announce() {
    const tok = tokEls[cursor];
    if (!tok) return;
    const on = tagsAtToken(cursor).map((t) => (labelOf(t.label) || { text: t.label }).text);
    const n = Math.abs(cursor - anchor) + 1;
    live.textContent = `${tok.textContent}${on.length ? `, tagged ${on.join(", ")}` : ""}` +
      (n > 1 ? `; ${n} words selected` : "");
  }

  textEl.addEventListener("focus", () => {
    kbActive = true;
    drawCursor();
  });
  textEl.addEventListener("blur", () => {
    kbActive = false;
    drawCursor();
  });

  textEl.addEventListener("keydown", (ev) => {
    const n = tokEls.length;
    if (!n) return;
    const word = { ArrowRight: 1, ArrowLeft: -1 }[ev.key];
    const line = { ArrowDown: 1, ArrowUp: -1 }[ev.key];
    if (word !== undefined || line !== undefined) {
      cursor = line !== undefined ? lineStep(cursor, line)
        : Math.max(0, Math.min(n - 1, cursor + word));
      if (!ev.shiftKey) anchor = cursor;
      drawCursor();
      announce();
      tokEls[cursor].scrollIntoView({ block: "nearest" });
      ev.preventDefault();
      return;
    }
    if (ev.key === "Home" || ev.key === "End") {
      cursor = ev.key === "Home" ? 0 : n - 1;
      if (!ev.shiftKey) anchor = cursor;
      drawCursor();
      announce();
      ev.preventDefault();
      return;
    }
    const here = tagsAtToken(cursor)[0];
    if (ev.key === "Enter") {
      if (linkFrom) {
        clickTag(here);
      } else {
        const toks = model.get("tokens");
        const lo = Math.min(anchor, cursor), hi = Math.max(anchor, cursor);
        pendingSince = performance.now();
        send({ type: "create", start: toks[lo][0], end: toks[hi][1], label: model.get("label") });
        anchor = cursor;
      }
      ev.preventDefault();
    } else if (ev.key === " ") {
      if (here) clickTag(here);
      ev.preventDefault();
    } else if (ev.key === "Delete" || ev.key === "Backspace") {
      if (here) send({ type: "delete", id: here.id });
      ev.preventDefault();
    } else if (ev.key === "l" || ev.key === "L") {
      if (linkFrom) clickTag(here);
      else if (here) startLink(here.id);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      linkFrom = null;
      root.classList.remove("ml-linking");
      anchor = cursor;
      drawCursor();
    }
  });

  root.addEventListener("keydown", (ev) => {
    const target = ev.target;
    if (target.tagName === "SELECT" || target.tagName === "INPUT" || ev.ctrlKey || ev.metaKey) {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === "z") {
        send({ type: "undo" });
        ev.preventDefault();
      }
      return;
    }
    if (/^[1-9]$/.test(ev.key)) {
      const lab = labels()[Number(ev.key) - 1];
      if (lab) {
        model.set("label", lab.name);
        model.save_changes();
        say(`Label: ${lab.text}`);
      }
      ev.preventDefault();
    } else if (ev.key === "u" || ev.key === "U") {
      send({ type: "undo" });
      ev.preventDefault();
    }
  });

  // ---------------------------------------------------------------- labels
  function drawLabels() {
    labelBar.replaceChildren();
    const current = model.get("label");
    for (const lab of labels()) {
      const on = lab.name === current;
      const b = h("button", {
        type: "button", class: "ml-label" + (on ? " ml-on" : ""), role: "radio",
        "aria-checked": on ? "true" : "false", title: lab.description,
        "data-label": lab.name,
      });
      const sw = h("span", { class: "ml-swatch", "aria-hidden": "true" });
      sw.style.setProperty("--ml-colour", lab.colour);
      b.append(sw, document.createTextNode(`${lab.key ? lab.key + " " : ""}${lab.text}`));
      b.addEventListener("click", () => {
        model.set("label", lab.name);
        model.save_changes();
      });
      labelBar.appendChild(b);
    }
  }

  // ---------------------------------------------------------------- selected tag & list
  function describe(t) {
    const lab = labelOf(t.label);
    let s = `${lab ? lab.text : t.label}: “${t.text}”`;
    const linked = t.link && tagById(t.link);
    if (linked) s += ` → ${linked.text}`;
    return s;
  }

  function drawPanel() {
    panel.replaceChildren();
    const t = tagById(model.get("selected"));
    if (!t) {
      panel.appendChild(h("span", { class: "ml-hint" }, "Click a tag to change, link or delete it."));
      return;
    }
    panel.appendChild(h("span", { class: "ml-seltext" }, describe(t)));
    const labelSel = h("select", { "aria-label": "Label of the selected tag", class: "ml-setlabel" });
    for (const lab of labels()) {
      const o = h("option", { value: lab.name }, lab.text);
      if (lab.name === t.label) o.selected = true;
      labelSel.appendChild(o);
    }
    labelSel.addEventListener("change", () =>
      send({ type: "set_label", id: t.id, label: labelSel.value }));
    panel.appendChild(labelSel);
    const lab = labelOf(t.label);
    for (const attr of (lab ? lab.attrs : [])) {
      const s = h("select", { "aria-label": attr.name, class: "ml-attr" });
      s.appendChild(h("option", { value: "" }, `${attr.name}…`));
      for (const c of attr.choices) {
        const o = h("option", { value: c }, c);
        if (t.attrs[attr.name] === c) o.selected = true;
        s.appendChild(o);
      }
      s.addEventListener("change", () =>
        send({ type: "set_attr", id: t.id, name: attr.name, value: s.value }));
      panel.appendChild(s);
    }
    if (lab && lab.links_to) {
      const target = labelOf(lab.links_to);
      const s = h("select", { "aria-label": `${target.text} of this ${lab.text}`, class: "ml-linksel" });
      s.appendChild(h("option", { value: "" }, `no ${target.text}`));
      for (const c of tags().filter((x) => x.label === lab.links_to)) {
        const o = h("option", { value: c.id }, c.text);
        if (t.link === c.id) o.selected = true;
        s.appendChild(o);
      }
      s.addEventListener("change", () => send({ type: "link", from: t.id, to: s.value || null }));
      const linkBtn = h("button", { type: "button", class: "ml-link" }, `Link by clicking the ${target.text}`);
      linkBtn.addEventListener("click", () => startLink(t.id));
      panel.append(s, linkBtn);
    }
    const del = h("button", { type: "button", class: "ml-delete" }, "Delete tag");
    del.addEventListener("click", () => send({ type: "delete", id: t.id }));
    panel.appendChild(del);
  }

  function drawList() {
    list.replaceChildren();
    const sel = model.get("selected");
    for (const t of tags()) {
      const li = h("li");
      const b = h("button", {
        type: "button", class: "ml-item" + (t.id === sel ? " ml-on" : ""),
        "aria-pressed": t.id === sel ? "true" : "false", "data-id": t.id,
      }, describe(t));
      const lab = labelOf(t.label);
      b.style.setProperty("--ml-colour", lab ? lab.colour : "#999999");
      b.addEventListener("click", () => clickTag(t));
      li.appendChild(b);
      list.appendChild(li);
    }
    if (!tags().length) list.appendChild(h("li", { class: "ml-hint" }, "No tags yet."));
  }

  // The word on the next (or previous) line on screen nearest the cursor's left edge.
  function lineStep(from, dir) {
    const here = tokEls[from].getBoundingClientRect();
    const x = here.left;
    let best = from, bestTop = null, bestDx = Infinity;
    for (let i = from + dir; i >= 0 && i < tokEls.length; i += dir) {
      const r = tokEls[i].getBoundingClientRect();
      const onOtherLine = dir > 0 ? r.top > here.top + here.height / 2
        : r.top < here.top - here.height / 2;
      if (!onOtherLine) continue;
      if (bestTop === null) bestTop = r.top;
      else if (Math.abs(r.top - bestTop) > here.height / 2) break;  // went past that line
      const dx = Math.abs(r.left - x);
      if (dx < bestDx) { best = i; bestDx = dx; }
    }
    return best;
  }

  // ---------------------------------------------------------------- feedback
  let answerEls = [];
  function drawAnswers(fb) {
    // Revealed answers are outlined in the article itself, each with its label as text.
    for (const a of answerEls) {
      if (a.classList.contains("ml-answer-badge")) a.remove();
      else a.classList.remove("ml-answer");
    }
    answerEls = [];
    for (const m of (fb && fb.answer_marks) || []) {
      for (const p of piecesOf(m.t0, m.t1)) {
        p.classList.add("ml-answer");
        answerEls.push(p);
      }
      if (tokEls[m.t0]) {
        const lab = labelOf(m.label);
        const badge = h("span", { class: "ml-answer-badge", "aria-hidden": "true" },
          `answer: ${lab ? lab.text : m.label}`);
        badge.contentEditable = "false";
        tokEls[m.t0].before(badge);
        answerEls.push(badge);
      }
    }
  }

  function drawFeedback() {
    feedback.replaceChildren();
    const fb = model.get("feedback");
    drawAnswers(fb);
    checkBtn.disabled = !model.get("can_check");
    undoBtn.disabled = !model.get("can_undo");
    revealBtn.hidden = !(fb && fb.can_reveal && !fb.revealed);
    if (!fb || !fb.lines) return;
    feedback.appendChild(h("div", { class: "ml-score" }, `Score: ${fb.score} / 100`));
    const ul = h("ul");
    for (const line of fb.lines) ul.appendChild(h("li", {}, line));
    feedback.appendChild(ul);
    for (const hint of fb.hints) feedback.appendChild(h("p", { class: "ml-hinttext" }, `Hint: ${hint}`));
    if (fb.answers && fb.answers.length) {
      feedback.appendChild(h("div", { class: "ml-subtitle" }, "Answers"));
      const al = h("ul", { class: "ml-answers" });
      for (const a of fb.answers) al.appendChild(h("li", {}, a));
      feedback.appendChild(al);
    }
  }

  function say(msg) {
    status.textContent = msg;
  }

  undoBtn.addEventListener("click", () => send({ type: "undo" }));
  checkBtn.addEventListener("click", () => send({ type: "check" }));
  revealBtn.addEventListener("click", () => send({ type: "reveal" }));
  exportBtn.addEventListener("click", () => send({ type: "export" }));

  function onTags() {
    drawTags();
    drawPanel();
    drawList();
    undoBtn.disabled = !model.get("can_undo");
    if (pendingSince !== null) {
      root.dataset.roundtripMs = (performance.now() - pendingSince).toFixed(1);
      pendingSince = null;
    }
    root.dataset.saves = String(model.get("saves"));
  }

  title.textContent = model.get("title");
  drawLabels();
  drawText();
  drawPanel();
  drawList();
  drawFeedback();
  say(model.get("status"));
  root.dataset.saves = String(model.get("saves"));

  const handlers = [
    ["change:title", () => (title.textContent = model.get("title"))],
    ["change:labels change:label", drawLabels],
    ["change:text change:tokens", drawText],
    ["change:tags", onTags],
    ["change:selected", () => { drawTags(); drawPanel(); drawList(); }],
    ["change:feedback change:can_check change:can_undo", drawFeedback],
    ["change:status", () => say(model.get("status"))],
    ["change:saves", () => (root.dataset.saves = String(model.get("saves")))],
  ];
  for (const [ev, fn] of handlers) model.on(ev, fn);
  return () => {
    for (const [ev, fn] of handlers) model.off(ev, fn);
    document.removeEventListener("mouseup", onMouseUp);
  };
}

export default { render };
