// The evidence explorer: the page's query string is the query string of GET /api/v1/results, so a link reproduces
// the view. Controls edit that query, the page fetches the results, the meta-analysis and its forest plot for it, and
// shows each problem the API answers next to the control of the parameter it names. All data reaches the DOM through
// textContent (never innerHTML), and the forest plot is the service's own SVG.

const API = '/api/v1';
// The page's own default: a link without size still shows a whole typical selection (the API's default is 20).
const DEFAULT_SIZE = '200';
// Parameters of the results list that the meta-analysis and the forest plots do not take.
const RESULTS_ONLY = ['page', 'size', 'preferred', 'format', 'layout'];
const BOOLEAN_CHOICES = [['', 'Any'], ['true', 'Yes'], ['false', 'No']];
const STUDY_TYPES = ['randomized-controlled-trial', 'single-arm-trial', 'non-randomized-trial', 'not-stated',
  'meta-analysis', 'cohort', 'biomarker-association', 'all'];

// Every filter of GET /api/v1/results, in the order a reader narrows a question. "terms" are repeatable values typed
// or picked from a list (aliases accepted); "checks" are repeatable values from a short fixed list.
const FILTERS = [
  { name: 'endpoint', label: 'Endpoint', kind: 'terms', vocabulary: 'endpoints' },
  { name: 'setting', label: 'Setting', kind: 'terms', vocabulary: 'settings' },
  { name: 'biomarker', label: 'Biomarker', kind: 'terms', vocabulary: 'biomarkers' },
  { name: 'drugClass', label: 'Drug class (any arm)', kind: 'terms', vocabulary: 'drugClasses' },
  { name: 'drug', label: 'Drug (any arm)', kind: 'terms', vocabulary: 'drugs' },
  { name: 'added', label: 'Added by the experimental arm', kind: 'terms', vocabulary: 'drugClasses' },
  { name: 'comparator', label: 'Comparator class', kind: 'terms', vocabulary: 'drugClasses' },
  { name: 'trial', label: 'Trial', kind: 'terms', vocabulary: 'trials' },
  { name: 'arm', label: 'Arm (label text or drug)', kind: 'terms', vocabulary: 'drugs' },
  { name: 'population', label: 'Population', kind: 'choice', choices: [['', 'Any'], ['itt', 'ITT (whole randomized population)'], ['subgroup', 'Subgroup']] },
  { name: 'studyType', label: 'Study type', kind: 'checks', choices: STUDY_TYPES },
  { name: 'effectMeasure', label: 'Effect measure', kind: 'checks', choices: ['HR', 'OR', 'RR'] },
  { name: 'conflicting', label: 'Sources disagree', kind: 'choice', choices: BOOLEAN_CHOICES },
  { name: 'significant', label: 'CI excludes 1', kind: 'choice', choices: BOOLEAN_CHOICES },
  { name: 'maxHazardRatio', label: 'Hazard ratio at most', kind: 'text' },
  { name: 'preferred', label: 'Only the results the analyses use', kind: 'choice', choices: [['', 'No, every match'], ['true', 'Yes']] },
];

const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// ---- state: the query string -------------------------------------------------------------------------------------

const query = () => new URLSearchParams(location.search);

function changeQuery(edit) {
  const next = query();
  edit(next);
  next.delete('page');
  const search = next.toString();
  history.pushState(null, '', search ? `?${search}` : location.pathname);
  refresh();
}

function setAll(q, name, values) {
  q.delete(name);
  values.forEach((value) => q.append(name, value));
}

function setOne(q, name, value) {
  setAll(q, name, value ? [value] : []);
}

// The table reads JSON whatever the link asks the API for (format=csv is what the CSV download is for).
function resultsQuery() {
  const q = query();
  q.delete('format');
  q.delete('layout');
  if (!q.has('size')) q.set('size', DEFAULT_SIZE);
  return q;
}

function analysisQuery() {
  const q = query();
  RESULTS_ONLY.forEach((name) => q.delete(name));
  return q;
}

// ---- vocabulary ---------------------------------------------------------------------------------------------------

let vocabulary = {};
// Lower-cased code or alias -> term, per vocabulary, to show what a typed alias means.
const lookup = {};

async function loadVocabulary() {
  const [terms, trials] = await Promise.all([
    getJson(`${API}/vocabulary`),
    getJson(`${API}/trials?size=200&sort=acronym`),
  ]);
  vocabulary = { ...terms, trials: trials.items.map((t) => ({ code: t.acronym, label: t.acronym, aliases: t.aliases || [] })) };
  for (const [name, list] of Object.entries(vocabulary)) {
    lookup[name] = new Map();
    for (const term of list) {
      [term.code, ...(term.aliases || [])].forEach((key) => lookup[name].set(key.toLowerCase(), term));
    }
  }
}

function describeTerm(term) {
  const parts = [term.label];
  if (term.children && term.children.length) parts.push(`umbrella for ${term.children.join(', ')}`);
  if (term.aliases && term.aliases.length) parts.push(`also ${term.aliases.join(', ')}`);
  return parts.join(' · ');
}

// ---- controls -----------------------------------------------------------------------------------------------------

function problemSlot(name) {
  return element('p', { id: `problem-${name}`, class: 'problem', role: 'alert', hidden: true });
}

function buildControls() {
  const box = $('controls');
  box.replaceChildren(...FILTERS.map((filter) => {
    const builder = { terms: termsControl, choice: choiceControl, checks: checksControl, text: textControl }[filter.kind];
    return builder(filter);
  }));
}

function termsControl(filter) {
  const id = `f-${filter.name}`;
  const listId = `list-${filter.name}`;
  const options = (vocabulary[filter.vocabulary] || []).map((term) =>
    element('option', { value: term.code }, term.children && term.children.length ? `${describeTerm(term)} (umbrella)` : describeTerm(term)));
  const input = element('input', { id, list: listId, autocomplete: 'off', 'aria-describedby': `chosen-${filter.name} problem-${filter.name}` });
  const add = element('button', { type: 'button', 'aria-label': `Add ${filter.label.toLowerCase()}` }, 'Add');
  const commit = () => {
    const value = input.value.trim();
    if (!value) return;
    input.value = '';
    changeQuery((q) => { if (!q.getAll(filter.name).includes(value)) q.append(filter.name, value); });
  };
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); commit(); } });
  add.addEventListener('click', commit);
  return element('div', { class: 'filter', 'data-param': filter.name },
    element('label', { for: id }, filter.label),
    element('ul', { id: `chosen-${filter.name}`, class: 'chosen', 'aria-label': `Chosen: ${filter.label}` }),
    element('div', { class: 'add' }, input, add),
    element('datalist', { id: listId }, options),
    problemSlot(filter.name));
}

function choiceControl(filter) {
  const id = `f-${filter.name}`;
  const select = element('select', { id, 'aria-describedby': `problem-${filter.name}` },
    filter.choices.map(([value, label]) => element('option', { value }, label)));
  select.addEventListener('change', () => changeQuery((q) => setOne(q, filter.name, select.value)));
  return element('div', { class: 'filter', 'data-param': filter.name },
    element('label', { for: id }, filter.label), select, problemSlot(filter.name));
}

function checksControl(filter) {
  const boxes = filter.choices.map((value) => {
    const box = element('input', { type: 'checkbox', id: `f-${filter.name}-${value}`, value });
    box.addEventListener('change', () => changeQuery((q) => {
      const others = q.getAll(filter.name).filter((v) => v !== value);
      setAll(q, filter.name, box.checked ? [...others, value] : others);
    }));
    return element('span', { class: 'check' }, box, element('label', { for: box.id }, value));
  });
  return element('fieldset', { class: 'filter', 'data-param': filter.name, 'aria-describedby': `problem-${filter.name}` },
    element('legend', {}, filter.label), boxes, problemSlot(filter.name));
}

function textControl(filter) {
  const id = `f-${filter.name}`;
  const input = element('input', { id, inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': `problem-${filter.name}` });
  input.addEventListener('change', () => changeQuery((q) => setOne(q, filter.name, input.value.trim())));
  return element('div', { class: 'filter', 'data-param': filter.name },
    element('label', { for: id }, filter.label), input, problemSlot(filter.name));
}

// Sets every control from the query string (on load, after a change and on back/forward).
function fillControls() {
  const q = query();
  for (const filter of FILTERS) {
    const values = q.getAll(filter.name);
    if (filter.kind === 'terms') {
      $(`chosen-${filter.name}`).replaceChildren(...values.map((value) => chosenValue(filter, value)));
    } else if (filter.kind === 'checks') {
      filter.choices.forEach((value) => { $(`f-${filter.name}-${value}`).checked = values.includes(value); });
    } else if (filter.kind === 'choice') {
      const select = $(`f-${filter.name}`);
      const value = values[0] || '';
      if (![...select.options].some((option) => option.value === value)) select.append(element('option', { value }, value));
      select.value = value;
    } else {
      $(`f-${filter.name}`).value = values[0] || '';
    }
  }
  const sort = q.get('sort') || 'trial';
  document.querySelectorAll('#results th[data-sort]').forEach((th) => {
    const key = th.dataset.sort;
    th.setAttribute('aria-sort', sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none');
  });
}

function chosenValue(filter, value) {
  const term = lookup[filter.vocabulary] && lookup[filter.vocabulary].get(value.toLowerCase());
  const shown = term && term.code !== value ? `${value} = ${term.code}` : value;
  const umbrella = term && term.children && term.children.length ? ' (umbrella)' : '';
  const remove = element('button', { type: 'button', 'aria-label': `Remove ${filter.label.toLowerCase()} ${value}` }, '×');
  remove.addEventListener('click', () => changeQuery((q) => setAll(q, filter.name, q.getAll(filter.name).filter((v) => v !== value))));
  return element('li', { title: term ? describeTerm(term) : undefined }, `${shown}${umbrella} `, remove);
}

function sortHeaders() {
  document.querySelectorAll('#results th[data-sort]').forEach((th) => {
    const key = th.dataset.sort;
    const button = element('button', { type: 'button' }, th.textContent);
    th.replaceChildren(button);
    button.addEventListener('click', () => changeQuery((q) => {
      q.set('sort', q.get('sort') === key || (key === 'trial' && !q.get('sort')) ? `-${key}` : key);
    }));
  });
}

// ---- fetching -----------------------------------------------------------------------------------------------------

class ProblemAnswer extends Error {
  constructor(problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
}

async function answer(url, accept) {
  const response = await fetch(url, { headers: { Accept: `${accept}, application/problem+json` } });
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    throw new ProblemAnswer(type.includes('json') ? await response.json() : { status: response.status, detail: `${response.status} ${response.statusText}` });
  }
  return response;
}

async function getJson(url) {
  return (await answer(url, 'application/json')).json();
}

function showProblems(problems) {
  document.querySelectorAll('.problem').forEach((slot) => { slot.hidden = true; slot.replaceChildren(); });
  const shown = new Set();
  const resultsFirst = [...problems].sort((a, b) => (a.where === 'plot') - (b.where === 'plot'));
  for (const { problem, where } of resultsFirst) {
    // A bad value is refused alike by the results, the meta-analysis and the plots: said once.
    if (shown.has(problem.detail)) continue;
    shown.add(problem.detail);
    const slot = (problem.parameter && $(`problem-${problem.parameter}`)) || (where === 'plot' ? $('plot-problem') : $('problem-general'));
    const text = `${where === 'plot' ? 'Forest plot: ' : ''}${problem.detail || problem.title}`;
    const line = element('span', {}, text);
    if (problem.nearestValues && problem.nearestValues.length) line.append(` Did you mean ${problem.nearestValues.join(' or ')}?`);
    slot.append(line);
    slot.hidden = false;
  }
}

let generation = 0;

async function refresh() {
  const mine = ++generation;
  document.querySelector('main').setAttribute('aria-busy', 'true');
  fillControls();
  updateLinks();
  const problems = [];
  const results = getResults().catch((error) => { problems.push({ problem: problemOf(error), where: 'results' }); return null; });
  const analysis = getAnalysis().catch((error) => { problems.push({ problem: problemOf(error), where: 'plot' }); return null; });
  const [page, pooled] = await Promise.all([results, analysis]);
  if (mine !== generation) return;
  showResults(page);
  await showAnalysis(pooled, problems);
  if (mine !== generation) return;
  showProblems(problems);
  document.querySelector('main').setAttribute('aria-busy', 'false');
}

function problemOf(error) {
  return error instanceof ProblemAnswer ? error.problem : { detail: `The service did not answer: ${error.message}` };
}

async function getResults() {
  const response = await answer(`${API}/results?${resultsQuery()}`, 'application/json');
  return { body: await response.json(), links: parseLinks(response.headers.get('Link')), total: response.headers.get('X-Total-Count') };
}

async function getAnalysis() {
  const q = analysisQuery();
  const meta = await getJson(`${API}/meta-analysis?${q}`);
  const svg = await (await answer(`${API}/meta-analysis/forest.svg?${q}`, 'image/svg+xml')).text();
  return { meta, svg };
}

function parseLinks(header) {
  const links = {};
  for (const part of (header || '').split(',')) {
    const match = part.match(/<([^>]*)>\s*;\s*rel="?([a-z]+)"?/);
    if (match) links[match[2]] = match[1];
  }
  return links;
}

// ---- results table ------------------------------------------------------------------------------------------------

function showResults(page) {
  const body = $('results').tBodies[0];
  if (!page) {
    body.replaceChildren();
    $('summary').textContent = 'No results: see the problem above.';
    setPager({});
    return;
  }
  const { items, page: number, size, totalItems } = page.body;
  const first = totalItems === 0 ? 0 : number * size + 1;
  $('summary').textContent = totalItems === 0 ? 'No result matches these filters.'
    : `Results ${first}–${first + items.length - 1} of ${totalItems}. Activate a number to see the review, the place and the excerpt it was read from.`;
  body.replaceChildren(...items.map(resultRow));
  setPager(page.links);
}

function setPager(links) {
  for (const [rel, id] of [['prev', 'page-prev'], ['next', 'page-next']]) {
    const button = $(id);
    button.disabled = !links[rel];
    button.onclick = links[rel] ? () => {
      const target = new URL(links[rel], location.origin).searchParams;
      history.pushState(null, '', `?${target}`);
      refresh();
    } : null;
  }
}

function cell(label, ...children) {
  return element('td', { 'data-label': label }, ...children);
}

function resultRow(result) {
  const c = result.comparison;
  const flags = [];
  if (result.conflicting) flags.push(element('span', { class: 'flag conflict', title: `Another source reports this differently: ${[...result.conflictsWith, ...result.disputedBy].join(', ')}` }, 'sources disagree'));
  if (result.corrections.length) flags.push(element('span', { class: 'flag corrected', title: result.corrections.map((k) => `${k.field}: source shows "${k.sourceShows}", served ${k.served}`).join('; ') }, 'OCR corrected'));
  if (result.suspect) flags.push(element('span', { class: 'flag suspect', title: result.suspect.reason || '' }, 'suspect copy'));
  const row = element('tr', { 'data-result': result.id, class: result.conflicting ? 'conflicting' : undefined },
    cell('Trial', element('a', { href: `${API}/trials/${encodeURIComponent(result.trial.id)}` }, result.trial.acronym), ' ', flags),
    cell('Endpoint and contrast', element('strong', {}, result.endpoint), ` · ${result.setting}`,
      c && c.contrast ? element('div', { class: 'contrast' }, c.contrast.label) : null),
    cell('Arms', element('ul', { class: 'arms' }, result.arms.map((arm, index) => element('li', {},
      `${arm.label}${arm.role ? ` (${arm.role})` : ''}: `, armValue(result, arm, index))))),
    cell('Effect (CI)', c && c.estimate != null ? effect(result) : '–'),
    cell('p', c && (c.pValueText || c.pValue != null) ? numberButton(result, c.pValueText || String(c.pValue), [c.pValue], ['comparison.pValue'], 'p-value') : '–'),
    cell('Population', result.population.label || result.population.type, result.population.type === 'subgroup' ? ' (subgroup)' : ''),
    cell('Analysis', result.analysis.type, result.analysis.description ? element('div', { class: 'muted' }, result.analysis.description) : null));
  return row;
}

function armValue(result, arm, index) {
  if (arm.notReached) return numberButton(result, 'not reached', [], [`arms[${index}].value`], arm.label);
  if (arm.value == null) return '–';
  const ci = arm.ciLower != null ? ` (${arm.ciLower}–${arm.ciUpper})` : '';
  return numberButton(result, `${arm.value}${arm.unit ? ` ${arm.unit}` : ''}${ci}`, [arm.value, arm.ciLower, arm.ciUpper],
    [`arms[${index}].value`, `arms[${index}].ciLower`, `arms[${index}].ciUpper`], `${arm.label}, ${arm.measure || 'value'}`);
}

function effect(result) {
  const c = result.comparison;
  const ci = c.ciLower != null ? ` (${c.ciLower}–${c.ciUpper})` : '';
  const level = c.ciLevel && c.ciLevel !== 0.95 ? ` ${Math.round(c.ciLevel * 100)}% CI` : '';
  return numberButton(result, `${c.effectMeasure} ${c.estimate}${ci}${level}`, [c.estimate, c.ciLower, c.ciUpper],
    ['comparison.hazardRatio', 'comparison.estimate', 'comparison.ciLower', 'comparison.ciUpper'], c.effectMeasure);
}

function numberButton(result, text, numbers, fields, what) {
  const corrected = result.corrections.some((k) => fields.includes(k.field));
  const button = element('button', { type: 'button', class: `number${corrected ? ' corrected' : ''}`,
    'aria-haspopup': 'dialog', 'aria-label': `${text}: show the source of ${result.trial.acronym} ${what}` }, text);
  button.addEventListener('click', () => openProvenance(result, text, numbers, fields, what));
  return button;
}

// ---- provenance ---------------------------------------------------------------------------------------------------

function openProvenance(result, text, numbers, fields, what) {
  const corrections = result.corrections.filter((k) => fields.includes(k.field));
  const printed = [...numbers.filter((n) => n != null).flatMap(printedForms), ...corrections.map((k) => k.sourceShows)];
  $('provenance-title').textContent = `${result.trial.acronym} · ${result.endpoint} · ${what}: ${text}`;
  const parts = result.sources.map((source) => element('section', { class: 'source' },
    element('h3', {}, source.title ? `${source.title} (${source.document})` : source.document),
    element('p', {}, element('strong', {}, 'Where: '), source.location),
    element('blockquote', {}, highlighted(source.excerpt, printed))));
  if (corrections.length) {
    parts.unshift(element('div', { class: 'note corrected' }, element('strong', {}, 'OCR correction: '),
      corrections.map((k) => `the review prints "${k.sourceShows}", served as ${k.served}. ${k.reason}`).join(' ')));
  }
  if (result.conflicting) {
    const others = [...result.conflictsWith, ...result.disputedBy].map((id) => element('a', { href: `${API}/results/${encodeURIComponent(id)}` }, id));
    parts.unshift(element('div', { class: 'note conflict' }, element('strong', {}, 'Sources disagree: '),
      'another source reports this result differently (', others.flatMap((link, i) => (i ? [', ', link] : [link])), '); both are kept.'));
  }
  if (result.notes && result.notes.length) parts.push(element('ul', { class: 'notes' }, result.notes.map((n) => element('li', {}, n))));
  parts.push(element('p', {}, element('a', { href: `${API}/results/${encodeURIComponent(result.id)}` }, `This result in the API (${result.id})`)));
  $('provenance-body').replaceChildren(...parts);
  $('provenance').showModal();
}

// The texts a number may be printed as: its served form and the same value with trailing zeros (0.6 is printed 0.60).
function printedForms(number) {
  const served = String(number);
  const decimals = served.includes('.') ? served.split('.')[1].length : 0;
  const forms = new Set([served]);
  for (let d = decimals; d <= 4; d++) forms.add(Number(number).toFixed(d));
  return [...forms];
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The excerpt as text nodes with each printed number in <mark>, matched as a whole number (0.56 never inside 0.563).
function highlighted(excerpt, printed) {
  const forms = [...new Set(printed)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!forms.length) return [excerpt];
  const pattern = new RegExp(`(?<![\\d.])(${forms.map(escapeRegExp).join('|')})(?!\\d|\\.\\d)`, 'g');
  const nodes = [];
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    nodes.push(excerpt.slice(last, match.index), element('mark', {}, match[0]));
    last = match.index + match[0].length;
  }
  nodes.push(excerpt.slice(last));
  return nodes;
}

// ---- forest plot and pooled estimates -----------------------------------------------------------------------------

async function showAnalysis(pooled, problems) {
  const figure = $('plot');
  if (pooled) {
    figure.replaceChildren(inlineSvg(pooled.svg));
    $('pooled').replaceChildren(pooledSummary(pooled.meta));
    $('method-text').textContent = `${pooled.meta.model === 'fixed' ? 'Fixed-effect' : 'Random-effects'} model. ${pooled.meta.method.description}`;
    $('method-r').textContent = pooled.meta.method.r;
    $('method').hidden = false;
    return;
  }
  $('pooled').replaceChildren();
  $('method').hidden = true;
  figure.replaceChildren();
  if (!problems.some(({ problem, where }) => where === 'plot' && problem.status === 422)) return;
  // Nothing to pool (one trial, several endpoints, ...): the matching results, unpooled, if any has a CI.
  try {
    const svg = await (await answer(`${API}/results/forest.svg?${analysisQuery()}`, 'image/svg+xml')).text();
    figure.replaceChildren(inlineSvg(svg), element('figcaption', {}, 'The matching results, not pooled.'));
  } catch (error) {
    problems.push({ problem: problemOf(error), where: 'plot' });
  }
}

// The service's SVG in the page (its text is readable and searchable); parsed as XML, so it cannot carry markup of ours.
function inlineSvg(text) {
  const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  svg.setAttribute('role', 'img');
  const title = svg.querySelector('title');
  if (title) svg.setAttribute('aria-label', title.textContent);
  return document.importNode(svg, true);
}

function pooledSummary(meta) {
  const groups = meta.subgroups || [meta];
  const hr = (e) => `HR ${e.hazardRatio.toFixed(2)} (95% CI ${e.ciLower.toFixed(2)}–${e.ciUpper.toFixed(2)})`;
  const estimate = meta.model === 'fixed' ? 'fixedEffect' : 'randomEffects';
  return element('ul', { class: 'pooled' }, groups.map((g) => element('li', {},
    element('strong', {}, g.contrast ? g.contrast.label : 'Pooled'), ': ',
    g[estimate] ? `${hr(g[estimate])}, ${g.studies.length} trials, I² ${Math.round(g.heterogeneity.iSquared)}%`
      : `not pooled (${(g.studies || []).length} trial${(g.studies || []).length === 1 ? '' : 's'})`)));
}

// ---- links --------------------------------------------------------------------------------------------------------

function updateLinks() {
  const api = `${API}/results?${resultsQuery()}`;
  const csv = query();
  ['page', 'size', 'format'].forEach((name) => csv.delete(name));
  csv.set('format', 'csv');
  csv.set('size', 'all');
  const json = resultsQuery();
  json.set('format', 'json');
  $('link-api').href = api;
  $('api-url').textContent = new URL(api, location.origin).href;
  $('link-json').href = `${API}/results?${json}`;
  $('link-csv').href = `${API}/results?${csv}`;
  $('link-meta').href = `${API}/meta-analysis?${analysisQuery()}`;
  $('link-svg').href = `${API}/meta-analysis/forest.svg?${analysisQuery()}`;
}

// ---- start --------------------------------------------------------------------------------------------------------

async function start() {
  try {
    await loadVocabulary();
  } catch (error) {
    showProblems([{ problem: problemOf(error), where: 'results' }]);
  }
  buildControls();
  sortHeaders();
  window.addEventListener('popstate', refresh);
  $('filters').addEventListener('submit', (event) => event.preventDefault());
  await refresh();
}

start();
