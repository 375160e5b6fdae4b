// A small Block Kit renderer for the playground: the block and element types Spur sends (section, context,
// actions, header, divider, image, input) and the interactive elements of its messages and modals.
// Inputs carry data-block-id / data-action-id / data-type so a modal's view.state.values can be collected.
(function () {
  "use strict";
  const EMOJI = {
    tada: "🎉", star: "⭐", trophy: "🏆", warning: "⚠️", white_check_mark: "✅", x: "❌", arrow_up: "⬆️", arrow_down: "⬇️",
    arrow_right: "➡️", heavy_minus_sign: "➖", clap: "👏", raised_hands: "🙌", sparkles: "✨", medal: "🏅", first_place_medal: "🥇",
    second_place_medal: "🥈", third_place_medal: "🥉", chart_with_upwards_trend: "📈", chart_with_downwards_trend: "📉", bar_chart: "📊",
    speech_balloon: "💬", lock: "🔒", bell: "🔔", calendar: "📅", information_source: "ℹ️", point_right: "👉", fire: "🔥", heart: "❤️",
    star2: "🌟", small_red_triangle_down: "🔻", small_red_triangle: "🔺", left_right_arrow: "↔️", muscle: "💪", rocket: "🚀", eyes: "👀", hourglass: "⌛", mailbox: "📫", memo: "📝", dart: "🎯", "+1": "👍", wave: "👋",
  };

  let directory = { members: [], channels: [] };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k === "html") node.innerHTML = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const memberName = (id) => (directory.members.find((m) => m.id === id) || {}).name || id;
  const channelName = (id) => (directory.channels.find((c) => c.id === id) || {}).name || id;

  /** Slack mrkdwn → HTML: mentions, links, *bold*, _italic_, ~strike~, `code`, > quotes, :emoji:. */
  function mrkdwn(text) {
    const links = [];
    let s = String(text || "").replace(/<([^<>]+)>/g, (_, inner) => {
      const [target, label] = inner.split("|");
      let html;
      if (target.startsWith("@")) html = `<b>@${escapeHtml(label || memberName(target.slice(1)))}</b>`;
      else if (target.startsWith("#")) html = `<b>#${escapeHtml(label || channelName(target.slice(1)))}</b>`;
      else if (target.startsWith("!")) html = `<b>@${escapeHtml(label || target.slice(1))}</b>`;
      else html = `<a href="${escapeHtml(target)}" target="_blank" rel="noreferrer">${escapeHtml(label || target)}</a>`;
      links.push(html);
      return `\uE000${links.length - 1}\uE000`;
    });
    s = escapeHtml(s)
      .replace(/```([\s\S]*?)```/g, "<pre>$1</pre>")
      .replace(/`([^`\n]+)`/g, "<code>$1</code>")
      .replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<b>$2</b>")
      .replace(/(^|[\s(])_([^_\n]+)_/g, "$1<i>$2</i>")
      .replace(/(^|[\s(])~([^~\n]+)~/g, "$1<s>$2</s>")
      .replace(/:([a-z0-9_+-]+):/g, (all, name) => EMOJI[name] || all)
      .replace(/^&gt; ?(.*)$/gm, "<blockquote>$1</blockquote>")
      .replace(/\n/g, "<br>");
    return s.replace(/\uE000(\d+)\uE000/g, (_, i) => links[Number(i)]);
  }

  function textNode(obj, tag) {
    if (!obj) return null;
    if (obj.type === "plain_text") return el(tag || "span", { text: obj.text.replace(/:([a-z0-9_+-]+):/g, (a, n) => EMOJI[n] || a) });
    return el(tag || "div", { html: mrkdwn(obj.text) });
  }

  const optionText = (o) => (o.text && o.text.text) || o.value;
  const plainOption = (o) => ({ text: { type: "plain_text", text: optionText(o) }, value: o.value });

  /** An element of a message or modal; `ctx.onAction(action)` receives clicks and (outside inputs) selections. */
  function element(def, blockId, ctx, inInput) {
    const data = { "data-block-id": blockId, "data-action-id": def.action_id, "data-type": def.type };
    const act = (extra) => ctx.onAction(Object.assign({ type: def.type, action_id: def.action_id, block_id: blockId }, extra));
    const dispatch = !inInput || def.dispatch_action;
    switch (def.type) {
      case "button":
        return el("button", {
          type: "button",
          class: def.style,
          "data-action-id": def.action_id,
          "data-value": def.value,
          text: def.text.text,
          onclick: () => (def.url ? window.open(def.url, "_blank") : act({ value: def.value, text: def.text })),
        });
      case "image":
        return el("img", { src: def.image_url, alt: def.alt_text, class: "accessory" });
      case "static_select": {
        const options = def.options || (def.option_groups || []).flatMap((g) => g.options);
        const initial = def.initial_option && def.initial_option.value;
        const select = el("select", Object.assign({}, data, { onchange: (e) => dispatch && act({ selected_option: plainOption(options[e.target.selectedIndex - 1] || {}) }) }), [
          el("option", { value: "", text: (def.placeholder && def.placeholder.text) || "Choose…" }),
          ...options.map((o) => el("option", { value: o.value, text: optionText(o), selected: o.value === initial })),
        ]);
        return select;
      }
      case "users_select":
      case "multi_users_select": {
        const initial = def.initial_users || (def.initial_user ? [def.initial_user] : []);
        return el("select", Object.assign({}, data, { multiple: def.type === "multi_users_select", size: def.type === "multi_users_select" ? 5 : undefined }), [
          ...(def.type === "users_select" ? [el("option", { value: "", text: "Choose someone…" })] : []),
          ...directory.members.map((m) => el("option", { value: m.id, text: `${m.name} (@${m.handle})`, selected: initial.includes(m.id) })),
        ]);
      }
      case "conversations_select":
      case "channels_select":
        return el("select", data, [
          el("option", { value: "", text: "Choose a channel…" }),
          ...directory.channels.map((c) => el("option", { value: c.id, text: `#${c.name}`, selected: c.id === (def.initial_conversation || def.initial_channel) })),
        ]);
      case "plain_text_input":
        return def.multiline
          ? el("textarea", Object.assign({}, data, { rows: 3, placeholder: def.placeholder && def.placeholder.text }), [document.createTextNode(def.initial_value || "")])
          : el("input", Object.assign({}, data, { type: "text", value: def.initial_value, placeholder: def.placeholder && def.placeholder.text }));
      case "number_input":
        return el("input", Object.assign({}, data, { type: "number", value: def.initial_value, min: def.min_value, max: def.max_value, step: def.is_decimal_allowed ? "any" : "1" }));
      case "radio_buttons":
      case "checkboxes": {
        const name = `${blockId}.${def.action_id}`;
        const initial = def.initial_options ? def.initial_options.map((o) => o.value) : def.initial_option ? [def.initial_option.value] : [];
        return el("div", data, def.options.map((o) =>
          el("label", { style: "display:block" }, [
            el("input", { type: def.type === "radio_buttons" ? "radio" : "checkbox", name, value: o.value, checked: initial.includes(o.value), "data-text": optionText(o) }),
            document.createTextNode(" "),
            textNode(o.text, "span"),
            o.description ? el("span", { class: "muted", text: ` — ${o.description.text}` }) : null,
          ]),
        ));
      }
      default:
        return el("span", { class: "muted", text: `[${def.type}]` });
    }
  }

  function block(def, index, ctx) {
    const blockId = def.block_id || `b${index}`;
    switch (def.type) {
      case "header":
        return el("div", { class: "block header" }, [textNode(def.text, "span")]);
      case "divider":
        return el("div", { class: "block" }, [el("hr")]);
      case "image":
        return el("div", { class: "block" }, [
          def.title ? textNode(def.title, "div") : null,
          el("img", { class: "image", src: def.image_url || (def.slack_file && def.slack_file.url), alt: def.alt_text }),
        ]);
      case "context":
        return el("div", { class: "block context" }, def.elements.map((e) => (e.type === "image" ? el("img", { src: e.image_url, alt: e.alt_text }) : textNode(e, "span"))));
      case "section":
        return el("div", { class: "block section", "data-block-id": blockId }, [
          el("div", {}, [
            textNode(def.text),
            def.fields ? el("div", { class: "fields" }, def.fields.map((f) => textNode(f))) : null,
          ]),
          def.accessory ? element(def.accessory, blockId, ctx, false) : null,
        ]);
      case "actions":
        return el("div", { class: "block actions", "data-block-id": blockId }, def.elements.map((e, i) => element(Object.assign({ action_id: `a${i}` }, e), blockId, ctx, false)));
      case "input": {
        const error = ctx.errors && ctx.errors[blockId];
        return el("div", { class: "block input", "data-input-block": blockId }, [
          el("label", { class: "title", text: def.label.text + (def.optional ? " (optional)" : "") }),
          element(Object.assign({ action_id: "value" }, def.element), blockId, ctx, true),
          def.hint ? el("div", { class: "hint", text: def.hint.text }) : null,
          error ? el("div", { class: "error", "data-testid": "input-error", text: error }) : null,
        ]);
      }
      default:
        return el("div", { class: "block muted", text: `[${def.type} block]` });
    }
  }

  function render(blocks, ctx) {
    return el("div", { class: "blocks" }, (blocks || []).map((b, i) => block(b, i, ctx)));
  }

  /** view.state.values for the inputs rendered inside `root`, in Slack's shape. */
  function collectValues(root) {
    const values = {};
    for (const node of root.querySelectorAll("[data-block-id][data-action-id][data-type]")) {
      const { blockId, actionId, type } = node.dataset;
      if (type === "button") continue;
      let state;
      if (type === "plain_text_input" || type === "number_input") state = { type, value: node.value === "" ? null : node.value };
      else if (type === "static_select") {
        const o = node.selectedOptions[0];
        state = { type, selected_option: o && o.value ? { text: { type: "plain_text", text: o.textContent }, value: o.value } : null };
      } else if (type === "multi_users_select") state = { type, selected_users: Array.from(node.selectedOptions).map((o) => o.value) };
      else if (type === "users_select") state = { type, selected_user: node.value || null };
      else if (type === "conversations_select") state = { type, selected_conversation: node.value || null };
      else if (type === "channels_select") state = { type, selected_channel: node.value || null };
      else if (type === "radio_buttons" || type === "checkboxes") {
        const checked = Array.from(node.querySelectorAll("input:checked")).map((i) => ({ text: { type: "plain_text", text: i.dataset.text }, value: i.value }));
        state = type === "radio_buttons" ? { type, selected_option: checked[0] || null } : { type, selected_options: checked };
      } else continue;
      (values[blockId] = values[blockId] || {})[actionId] = state;
    }
    return values;
  }

  window.SpurBlocks = { render, mrkdwn, collectValues, setDirectory: (d) => (directory = d) };
})();
