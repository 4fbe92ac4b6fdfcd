'use strict';
// The accessibility mirror's DOM half (the WASM half: web/platform/a11y_mirror.h).
//
// The canvas is one opaque element to assistive technology. After each frame whose
// widgets changed, the app calls window.hawzuA11y.update() with the frame's items (the
// list window.hawzuUi.items() returns) and this script updates a visually hidden DOM
// tree that says the same with real ARIA: buttons, text boxes, combo boxes with their
// shown value, list boxes and options, radios, checkboxes, menus, dialogs (modal, named
// by their title), the token table with its column headers (and sort state), rows and
// cells, figures (a chart, its bars as named images) and lists, disabled states,
// descriptions, and status/alert live regions.
//
// Elements are keyed by ImGui ID and updated in place, so the focused element survives
// every update. Operating an element operates the widget: focusing it moves ImGui's focus
// there (a text box starts editing), a click activates it, text that arrives without keys
// is typed into the ImGui field. Keys pressed on mirrored elements go on to the app (boot.js
// lets them through to Emscripten's GLFW), so Tab, arrows, Enter, Space and Esc behave as
// they do on the canvas, and when ImGui's focus moves the DOM focus follows.
(function () {
  const INTERACTIVE = new Set([
    'button', 'day', 'menuitem', 'input', 'combo', 'option', 'radio', 'checkbox', 'row',
    'columnheader', 'bar',
  ]);
  // Containers the app records with a rectangle ("figure": a chart, "list"): the items of
  // the same window drawn inside it go into it.
  const GROUPS = new Set(['figure', 'list']);

  let app = null; // {focus(id, textField), activate(id, textField), type(text)}
  let root = null;
  let statusRegion = null;
  let lastStatus = '';
  const byKey = new Map(); // key → element
  let focusedId = 0; // ImGui's focus as last published
  let movingFocus = false; // true while this script moves the DOM focus itself
  let typedKey = false; // a key typed into a mirrored text box, on its way to ImGui

  // ---------------------------------------------------------------------------
  // The root: visually hidden, yet in the accessibility tree (not display:none).

  function hide(element) {
    Object.assign(element.style, {
      position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', margin: '-1px',
      padding: '0', border: '0', overflow: 'hidden', clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    });
  }

  function ensureRoot() {
    if (root) return root;
    root = document.createElement('div');
    root.id = 'a11y-mirror';
    hide(root);
    statusRegion = document.createElement('div');
    statusRegion.setAttribute('role', 'status');
    statusRegion.setAttribute('aria-live', 'polite');
    root.appendChild(statusRegion);
    document.body.appendChild(root);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('click', onClick);
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('keypress', () => {
      typedKey = true;
    });
    root.addEventListener('keyup', () => {
      typedKey = false;
    });
    root.addEventListener('beforeinput', onBeforeInput);
    // Copying from a mirrored text box is ImGui's job (Ctrl+C reaches it): the box holds
    // only what assistive technology may read (never the token).
    root.addEventListener('copy', (event) => event.preventDefault());
    root.addEventListener('cut', (event) => event.preventDefault());
    return root;
  }

  // ---------------------------------------------------------------------------
  // From items to a tree of nodes: {key, tag, attrs, text, value, children, id}.

  function node(key, tag, attrs, children, text) {
    return { key, tag, attrs: attrs || {}, children: children || [], text: text || null };
  }

  function widgetNode(item, key, context) {
    const attrs = {};
    let tag = 'div';
    let text = item.label;
    switch (item.role) {
      case 'button':
      case 'day':
        attrs.role = 'button';
        break;
      case 'menuitem':
        attrs.role = 'menuitem';
        break;
      case 'checkbox':
        attrs.role = context === 'menu' ? 'menuitemcheckbox' : 'checkbox';
        attrs['aria-checked'] = String(Boolean(item.checked));
        break;
      case 'radio':
        attrs.role = 'radio';
        attrs['aria-checked'] = String(Boolean(item.checked));
        break;
      case 'option':
        attrs.role = 'option';
        attrs['aria-selected'] = String(Boolean(item.checked));
        break;
      case 'combo':
        attrs.role = 'combobox';
        attrs['aria-label'] = item.label;
        attrs['aria-expanded'] = String(Boolean(item.expanded));
        attrs['aria-haspopup'] = 'listbox';
        text = item.value || '';
        break;
      case 'input':
        tag = 'input';
        attrs.type = 'text';
        attrs['aria-label'] = item.label;
        attrs.autocomplete = 'off';
        attrs.spellcheck = 'false';
        if (item.readOnly) attrs.readonly = '';
        text = null;
        break;
      case 'columnheader':
        attrs.role = 'columnheader';
        if (item.sort) attrs['aria-sort'] = item.sort;
        break;
      case 'bar': // one bar of a chart, named by what it shows
        attrs.role = 'img';
        attrs['aria-label'] = item.label;
        text = null;
        break;
      case 'listitem':
        attrs.role = 'listitem';
        break;
      default: // text, badge
        tag = 'p';
        if (item.live === 'alert') attrs.role = 'alert';
        break;
    }
    // A widget with no ImGui ID (a row of a read-only table) is drawn, not operated.
    if (INTERACTIVE.has(item.role) && item.id) {
      attrs.tabindex = '-1';
      attrs['data-id'] = String(item.id);
      if (item.role === 'input') attrs['data-text-field'] = '';
      if (!item.enabled) attrs['aria-disabled'] = 'true';
    }
    const result = node(key, tag, attrs, [], text);
    if (item.role === 'input') result.value = item.value || '';
    result.item = item;
    return result;
  }

  // Keys: the ImGui ID for widgets; text by its window, role, label and occurrence.
  function keyer() {
    const seen = new Map();
    return (item, scope) => {
      if (item.id) return 'w' + item.id;
      const base = `${scope}|${item.role}|${item.label}`;
      const n = (seen.get(base) || 0) + 1;
      seen.set(base, n);
      return `${base}|${n}`;
    };
  }

  // The table: its column headers make a header row; every other item of the window
  // that lies within a row's band goes into that row, in the cell under its header.
  function tableNode(items, key, windowKey) {
    const headers = items.filter((item) => item.role === 'columnheader').sort((a, b) => a.x - b.x);
    const rows = items.filter((item) => item.role === 'row').sort((a, b) => a.y - b.y);
    const top = Math.min(...headers.map((h) => h.y));
    const headerBottom = Math.max(...headers.map((h) => h.y + h.h));
    const columnOf = (item) => {
      const middle = item.x + item.w / 2;
      let index = 0;
      headers.forEach((header, i) => {
        if (middle >= header.x) index = i;
      });
      return index;
    };
    // The table's name comes from its "table" item (the app records one per table).
    const named = items.find((item) => item.role === 'table');
    const used = new Set(headers.concat(rows, named ? [named] : []));
    const headerCells = headers.map((header) => widgetNode(header, key(header, windowKey)));
    const rowCells = rows.map(() => headers.map(() => []));
    for (const item of items) {
      if (used.has(item)) continue;
      const middle = item.y + item.h / 2;
      if (middle >= top && middle <= headerBottom) {
        headerCells[columnOf(item)].children.push(widgetNode(item, key(item, windowKey)));
        used.add(item);
        continue;
      }
      const row = rows.findIndex((r) => middle >= r.y && middle <= r.y + r.h);
      if (row < 0) continue;
      rowCells[row][columnOf(item)].push(widgetNode(item, key(item, windowKey), 'cell'));
      used.add(item);
    }
    const rowNodes = rows.map((row, r) => {
      const rowNode = widgetNode(row, key(row, windowKey));
      rowNode.tag = 'div';
      rowNode.attrs.role = 'row';
      rowNode.attrs['aria-label'] = row.label; // the token's name, then its cells
      rowNode.text = null;
      rowNode.children = rowCells[r].map((cells, c) =>
        node(`${rowNode.key}|cell${c}`, 'div', { role: 'cell' }, cells));
      return rowNode;
    });
    const headerRow = node(`${windowKey}|headers`, 'div', { role: 'row' }, headerCells);
    return {
      node: node(`${windowKey}|table`, 'div', { role: 'table', 'aria-label': named ? named.label : 'Table' },
        [headerRow].concat(rowNodes)),
      used,
    };
  }

  // A figure or list: a node named by its label, holding the items drawn inside it.
  function groupNodes(items, key, windowKey) {
    const groups = [];
    for (const group of items.filter((item) => GROUPS.has(item.role))) {
      const inside = (item) => {
        const x = item.x + item.w / 2;
        const y = item.y + item.h / 2;
        return x >= group.x && x <= group.x + group.w && y >= group.y && y <= group.y + group.h;
      };
      const members = items.filter((item) => item !== group && !GROUPS.has(item.role) && inside(item));
      const attrs = { role: group.role, 'aria-label': group.label };
      const groupKey = key(group, windowKey);
      groups.push({
        group,
        members: new Set(members),
        node: node(groupKey, 'div', attrs,
          members.map((item) => widgetNode(item, key(item, groupKey)))),
      });
    }
    return groups;
  }

  // The items of one window, in the order they were drawn, the table and each figure or
  // list as one node.
  function windowChildren(items, key, windowKey, context) {
    const children = [];
    let table = null;
    if (items.some((item) => item.role === 'columnheader')) table = tableNode(items, key, windowKey);
    const groups = groupNodes(items, key, windowKey);
    let tablePlaced = false;
    for (const item of items) {
      if (table && table.used.has(item)) {
        if (!tablePlaced) children.push(table.node);
        tablePlaced = true;
        continue;
      }
      const group = groups.find((g) => g.group === item);
      if (group) {
        children.push(group.node);
        continue;
      }
      if (groups.some((g) => g.members.has(item))) continue;
      if (item.live === 'status') continue; // announced by the status region
      children.push(widgetNode(item, key(item, windowKey), context));
    }
    return children;
  }

  function popupRole(items) {
    if (items.some((item) => item.role === 'option')) return 'listbox';
    if (items.some((item) => item.role === 'menuitem' || item.role === 'checkbox')) return 'menu';
    return 'dialog';
  }

  function buildTree(items) {
    const key = keyer();
    const windows = new Map();
    for (const item of items) {
      if (item.role === 'window' || item.role === 'popup') windows.set(item.id, { item, items: [] });
    }
    const page = [];
    for (const item of items) {
      if (item.role === 'window' || item.role === 'popup') continue;
      const window = windows.get(item.window);
      (window ? window.items : page).push(item);
    }
    // Popups go inside the window that opened them, after its content.
    const nodes = new Map();
    const pageNode = node('page', 'div', {}, windowChildren(page, key, 'page'));
    let modal = null;
    for (const [id, window] of windows) {
      const isPopup = window.item.role === 'popup';
      const role = isPopup ? popupRole(window.items) : 'dialog';
      const context = role === 'menu' ? 'menu' : role;
      const attrs = { role };
      if (!isPopup) attrs['aria-label'] = window.item.label;
      if (window.item.modal) {
        attrs['aria-modal'] = 'true';
        modal = id;
      }
      nodes.set(id, node('win' + id, 'div', attrs,
        windowChildren(window.items, key, 'win' + id, context)));
    }
    const top = [pageNode];
    for (const [id, window] of windows) {
      const parent = window.item.role === 'popup' ? nodes.get(window.item.parent) : null;
      if (parent) parent.children.push(nodes.get(id));
      else if (window.item.role === 'popup') pageNode.children.push(nodes.get(id));
      else top.push(nodes.get(id));
    }
    // Behind a modal dialog nothing can be reached.
    if (modal !== null) pageNode.attrs.inert = '';
    for (const [id, window] of windows) {
      if (modal !== null && window.item.role !== 'popup' && id !== modal) nodes.get(id).attrs.inert = '';
    }
    return top;
  }

  // An open combo box controls its list; a disabled button is described by the sentence
  // shown next to it that says why.
  function describe(tree) {
    const all = [];
    const walk = (n) => {
      all.push(n);
      n.children.forEach(walk);
    };
    tree.forEach(walk);
    const list = all.find((n) => n.attrs.role === 'listbox');
    const combo = all.find((n) => n.item && n.item.role === 'combo' && n.item.expanded);
    if (list && combo) {
      list.attrs.id = 'a11y-list';
      list.attrs['aria-label'] = combo.item.label;
      combo.attrs['aria-controls'] = list.attrs.id;
    }
    for (const n of all) {
      const description = n.item && n.item.description;
      if (!description) continue;
      const sentence = all.find((m) => m.item && m.item.role === 'text' && m.item.label === description);
      if (sentence) {
        sentence.attrs.id = 'a11y-' + sentence.key.replace(/[^A-Za-z0-9_-]/g, '_');
        n.attrs['aria-describedby'] = sentence.attrs.id;
      } else {
        n.attrs['aria-description'] = description;
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Updating the DOM in place.

  function elementFor(n) {
    let element = byKey.get(n.key);
    if (!element || element.tagName.toLowerCase() !== n.tag) {
      element = document.createElement(n.tag);
      element.dataset.key = n.key;
      byKey.set(n.key, element);
    }
    return element;
  }

  function applyAttributes(element, attrs) {
    for (const name of element.getAttributeNames()) {
      if (name !== 'data-key' && !(name in attrs)) element.removeAttribute(name);
    }
    for (const [name, value] of Object.entries(attrs)) {
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
  }

  function reconcile(parent, nodes, keep, firstIndex) {
    let index = firstIndex || 0;
    for (const n of nodes) {
      const element = elementFor(n);
      keep.add(n.key);
      applyAttributes(element, n.attrs);
      if (n.tag === 'input') {
        if (element.value !== n.value) element.value = n.value;
      } else if (n.text !== null && n.children.length > 0) {
        // A header with a button in it: its label, then the button.
        reconcile(element, [node(n.key + '|label', 'span', {}, [], n.text)].concat(n.children), keep, 0);
      } else if (n.text !== null) {
        if (element.childNodes.length !== 1 || element.firstChild.nodeType !== Node.TEXT_NODE ||
          element.textContent !== n.text) {
          element.textContent = n.text;
        }
      } else {
        reconcile(element, n.children, keep, 0);
      }
      if (parent.childNodes[index] !== element) parent.insertBefore(element, parent.childNodes[index] || null);
      ++index;
    }
    while (parent.childNodes.length > index) parent.removeChild(parent.lastChild);
  }

  function announceStatus(items) {
    const status = items.filter((item) => item.live === 'status').map((item) => item.label).join(' ');
    if (status && status !== lastStatus) statusRegion.textContent = status;
    if (!status) statusRegion.textContent = '';
    lastStatus = status;
  }

  function update(json, focusId) {
    if (document.body.dataset.screen !== 'app') return;
    ensureRoot();
    const items = JSON.parse(json);
    const tree = buildTree(items);
    describe(tree);
    const keep = new Set();
    reconcile(root, tree, keep, 1); // after the status region
    for (const key of byKey.keys()) if (!keep.has(key)) byKey.delete(key);
    announceStatus(items);
    followFocus(focusId);
  }

  // ---------------------------------------------------------------------------
  // Focus: the DOM follows ImGui; a roving tabindex keeps one element tabbable.

  function elementOfId(id) {
    return id ? root.querySelector(`[data-id="${id}"]`) : null;
  }

  function followFocus(id) {
    const changed = id !== focusedId;
    focusedId = id;
    const target = elementOfId(id);
    for (const element of root.querySelectorAll('[tabindex="0"]')) {
      if (element !== target) element.setAttribute('tabindex', '-1');
    }
    if (!target) return;
    target.setAttribute('tabindex', '0');
    const active = document.activeElement;
    const pageHasFocus = !active || active === document.body || active === Module.canvas ||
      root.contains(active);
    if ((changed || !root.contains(active)) && pageHasFocus && active !== target) {
      movingFocus = true;
      target.focus({ preventScroll: true });
      movingFocus = false;
    }
  }

  function idOf(element) {
    const holder = element && element.closest ? element.closest('[data-id]') : null;
    return holder && root.contains(holder) ? Number(holder.dataset.id) : 0;
  }

  function onFocusIn(event) {
    if (!movingFocus) followDomFocus(event.target);
  }

  // ImGui's focus moves to the mirrored element `target` unless it is there already.
  function followDomFocus(target) {
    if (!app) return;
    const id = idOf(target);
    if (!id || id === focusedId) return;
    focusedId = id;
    app.focus(id, target.hasAttribute('data-text-field'));
  }

  // A click on a mirrored element (a screen reader's default action, a tap) presses it.
  function onClick(event) {
    const id = idOf(event.target);
    if (!id || !app) return;
    event.preventDefault();
    app.activate(id, event.target.hasAttribute('data-text-field'));
  }

  // Keys go on to the app through GLFW's window listener; the browser's own reactions
  // (scrolling on Space and arrows, moving a text box's caret) are not wanted. In a text
  // box the key must keep its default, or the browser sends no keypress (typed text).
  function onKeyDown(event) {
    if (event.target.tagName === 'INPUT') return;
    if ([' ', 'Enter', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp',
      'PageDown'].includes(event.key)) {
      event.preventDefault();
    }
  }

  // A text box shows ImGui's text: typed keys reach ImGui through GLFW, so the browser
  // must not insert them a second time. Text that came without a key (dictation, a
  // screen reader, an input method) is typed into the ImGui field instead.
  function onBeforeInput(event) {
    if (event.target.tagName !== 'INPUT') return;
    event.preventDefault();
    const keyed = typedKey;
    typedKey = false;
    if (keyed || !app || event.target.readOnly) return;
    if ((event.inputType === 'insertText' || event.inputType === 'insertReplacementText') &&
      event.data) {
      app.type(event.data);
    }
  }

  // Leaving the app (signing out): nothing of the session stays in the page.
  function reset() {
    if (!root) return;
    byKey.clear();
    while (root.childNodes.length > 1) root.removeChild(root.lastChild);
    statusRegion.textContent = '';
    lastStatus = '';
    focusedId = 0;
  }

  // A key is meant for the element the browser says has the focus. Firefox moves the DOM
  // focus without a focus event while its window is not the system's active one (a
  // script's element.focus(), some assistive technology), so a key on a mirrored
  // element first brings ImGui's focus there. Registered on window in the capture phase
  // before app.js loads, so it runs before Emscripten's GLFW queues the key; the app
  // then applies the move and the key in that order.
  window.addEventListener('keydown', (event) => {
    if (root && !movingFocus && root.contains(event.target)) followDomFocus(event.target);
  }, true);

  window.hawzuA11y = {
    update,
    reset,
    connect(functions) {
      app = functions;
    },
  };
})();
