// The playground page: pick a member, read channels and DMs, type slash commands, click buttons, fill modals.
// The server streams the whole feed (server-sent events); this page filters what the chosen member can see.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  let state = { members: [], channels: [], commands: [], shortcuts: [], locale: "en", items: [], modals: {} };
  const REACTIONS = { star: "⭐", tada: "🎉" };
  let member = localStorage.getItem("spur.member") || "";
  let channel = localStorage.getItem("spur.channel") || "";
  let shownModal = "";

  const dmOf = (userId) => `D${userId}`;
  const visible = (item) => !item.visibleTo || item.visibleTo === member;
  const channelItems = (id) => state.items.filter((i) => i.channel === id && visible(i) && (!id.startsWith("D") || id === dmOf(member)));

  async function post(path, body) {
    const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) alert(answer.error || `Request failed (${res.status})`);
    return answer;
  }

  function renderMembers() {
    const select = $("member");
    if (select.options.length === state.members.length) return;
    select.replaceChildren(...state.members.map((m) => new Option(`${m.name} (@${m.handle}, ${m.role})`, m.id)));
    if (!state.members.some((m) => m.id === member)) member = state.members[0] ? state.members[0].id : "";
    select.value = member;
  }

  function renderCommands() {
    if ($("commands").childElementCount) return;
    const line = (c) => {
      const code = Object.assign(document.createElement("code"), { textContent: c.command });
      code.title = `${c.description}\n${c.command} ${c.usage_hint || ""}`;
      code.style.cursor = "pointer";
      code.onclick = () => (($("composer").value = `${c.command} `), $("composer").focus());
      return code;
    };
    $("commands").append("Commands (hover for usage, click to start one; @handle mentions someone): ", ...state.commands.flatMap((c) => [line(c), " "]));
  }

  function renderSidebar() {
    const link = (id, label) => {
      const a = document.createElement("a");
      a.className = id === channel ? "active" : "";
      a.dataset.channel = id;
      a.innerHTML = `<span></span><span class="count">${channelItems(id).length || ""}</span>`;
      a.firstChild.textContent = label;
      a.onclick = () => selectChannel(id);
      return a;
    };
    const heading = (text) => Object.assign(document.createElement("h4"), { textContent: text });
    $("sidebar").replaceChildren(heading("Channels"), ...state.channels.map((c) => link(c.id, `# ${c.name}`)), heading("Direct messages"), link(dmOf(member), "Spur (app)"));
  }

  function renderMessages() {
    const list = $("messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const title = channel.startsWith("D") ? "Spur — direct messages" : `# ${(state.channels.find((c) => c.id === channel) || {}).name || channel}`;
    $("channel-title").textContent = title;
    list.replaceChildren(
      ...channelItems(channel).map((item) => {
        const div = document.createElement("div");
        div.className = `message${item.visibleTo ? " ephemeral" : ""}`;
        div.dataset.testid = item.visibleTo ? "ephemeral" : item.author ? "user-message" : "message";
        div.dataset.itemId = item.id;
        const author = state.members.find((m) => m.id === item.author);
        div.innerHTML = author ? '<span class="author"></span>' : '<span class="author">Spur</span><span class="tag">APP</span>';
        if (author) div.firstChild.textContent = author.name;
        if (item.visibleTo) div.appendChild(Object.assign(document.createElement("div"), { className: "note", textContent: "Only visible to you" }));
        const ctx = { onAction: (action) => post("/api/action", { user: member, itemId: item.id, action }) };
        if (item.file) {
          div.appendChild(Object.assign(document.createElement("div"), { textContent: item.file.title }));
          div.appendChild(Object.assign(document.createElement("img"), { src: `/files/${item.file.id}`, className: "image", alt: item.file.title }));
        } else if (item.blocks && item.blocks.length) div.appendChild(window.SpurBlocks.render(item.blocks, ctx));
        else div.appendChild(Object.assign(document.createElement("div"), { innerHTML: window.SpurBlocks.mrkdwn(item.text) }));
        if (author) div.appendChild(messageMenu(item));
        return div;
      }),
    );
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  /** Reactions and the app's message shortcuts, for messages people write. */
  function messageMenu(item) {
    const menu = document.createElement("div");
    menu.className = "message-menu";
    const button = (text, title, onclick) => Object.assign(document.createElement("button"), { type: "button", textContent: text, title, onclick });
    for (const [name, emoji] of Object.entries(REACTIONS)) {
      const react = button(`${emoji} :${name}:`, `React with :${name}:`, () => post("/api/react", { user: member, itemId: item.id, reaction: name }));
      react.dataset.reaction = name;
      menu.appendChild(react);
    }
    for (const s of state.shortcuts) {
      const shortcut = button(s.name, "Message shortcut", () => post("/api/shortcut", { user: member, itemId: item.id, callbackId: s.callback_id }));
      shortcut.dataset.shortcut = s.callback_id;
      menu.appendChild(shortcut);
    }
    return menu;
  }

  function renderModal() {
    const stack = state.modals[member] || [];
    const top = stack[stack.length - 1];
    const key = top ? JSON.stringify([member, top.id, top.view]) : "";
    // Same view with new errors: show them beside what the member has typed (as Slack does).
    if (key === shownModal) return top && showErrors(top.errors || {});
    shownModal = key;
    $("modal-backdrop").hidden = !top;
    if (!top) return $("modal").replaceChildren();
    const view = top.view;
    const body = window.SpurBlocks.render(view.blocks, {
      errors: top.errors,
      onAction: (action) => post("/api/action", { user: member, viewId: top.id, action, values: window.SpurBlocks.collectValues($("modal")) }),
    });
    const title = Object.assign(document.createElement("h3"), { textContent: view.title ? view.title.text : "" });
    const buttons = document.createElement("div");
    buttons.className = "buttons";
    const close = Object.assign(document.createElement("button"), { type: "button", textContent: view.close ? view.close.text : "Cancel" });
    close.onclick = () => post("/api/close", { user: member });
    buttons.appendChild(close);
    if (view.submit) {
      const submit = Object.assign(document.createElement("button"), { type: "button", className: "primary", textContent: view.submit.text });
      submit.dataset.testid = "modal-submit";
      submit.onclick = () => post("/api/submit", { user: member, viewId: top.id, values: window.SpurBlocks.collectValues($("modal")) });
      buttons.appendChild(submit);
    }
    $("modal").replaceChildren(title, body, buttons);
  }

  function showErrors(errors) {
    for (const node of $("modal").querySelectorAll("[data-testid=input-error]")) node.remove();
    for (const [blockId, text] of Object.entries(errors)) {
      const block = $("modal").querySelector(`[data-input-block="${CSS.escape(blockId)}"]`);
      if (block) block.appendChild(Object.assign(document.createElement("div"), { className: "error", textContent: text })).dataset.testid = "input-error";
    }
  }

  function render() {
    window.SpurBlocks.setDirectory({ members: state.members, channels: state.channels });
    renderMembers();
    if (!channel || (channel.startsWith("D") ? channel !== dmOf(member) : !state.channels.some((c) => c.id === channel))) {
      channel = state.channels[1] ? state.channels[1].id : dmOf(member);
    }
    const me = state.members.find((m) => m.id === member);
    $("member-title").textContent = me ? me.title : "";
    if (document.activeElement !== $("locale")) $("locale").value = state.locale;
    renderCommands();
    renderSidebar();
    renderMessages();
    renderModal();
  }

  function selectChannel(id) {
    channel = id;
    localStorage.setItem("spur.channel", id);
    render();
  }

  $("member").onchange = (e) => {
    const wasDm = channel.startsWith("D");
    member = e.target.value;
    localStorage.setItem("spur.member", member);
    if (wasDm) channel = dmOf(member);
    render();
  };
  $("composer-form").onsubmit = async (e) => {
    e.preventDefault();
    const text = $("composer").value.trim();
    if (!text) return;
    $("composer").value = "";
    // Slash commands go to Spur; anything else is a message from the member (react to it, or use a shortcut on it).
    await post(text.startsWith("/") ? "/api/command" : "/api/say", { user: member, channel, text });
  };
  $("digest").onclick = () => post("/api/digest", {});
  $("locale").onchange = async (e) => {
    const answer = await post("/api/locale", { locale: e.target.value });
    if (answer.locale) state.locale = answer.locale;
    $("locale").value = state.locale;
  };

  const events = new EventSource("/api/events");
  events.onmessage = (e) => {
    state = JSON.parse(e.data);
    render();
  };
})();
