/* A session's content blocks in the admin (sessions_app/admin.py, ContentBlockInline).
 *
 * Shows each block's kind's fields only, keeps its one-line summary current, and moves
 * blocks by drag and drop, with the arrow keys on the handle or with the buttons
 * "Upp"/"Ner", renumbering the "ordning" fields in the new order. Without this script
 * every field shows, labelled with the kinds that use it, and the numbers order the
 * blocks. A static file, no inline code: the admin runs under a strict CSP.
 */
"use strict";
(function () {
  const BLOCK = ".content-block:not(.empty-form)";
  const KIND_FIELDS = ["text", "items", "person"];

  function field(block, name) {
    return block.querySelector('[name$="-' + name + '"]');
  }

  function blocksOf(group) {
    return Array.from(group.querySelectorAll(BLOCK));
  }

  function showFieldsOfKind(group, block) {
    const fieldsByKind = JSON.parse(group.dataset.fieldsByKind);
    const kind = field(block, "kind").value;
    KIND_FIELDS.forEach(function (name) {
      const row = block.querySelector(".form-row.field-" + name);
      if (row) {
        row.hidden = Boolean(kind) && !fieldsByKind[kind].includes(name);
      }
    });
  }

  function updateSummary(block) {
    const kind = field(block, "kind");
    const label = kind.value ? kind.options[kind.selectedIndex].text : "Nytt block";
    const text = field(block, "text");
    const items = field(block, "items");
    let words = text && text.value.trim() ? text.value : "";
    if (!words && items) {
      words = items.value.split("\n").map((line) => line.trim()).filter(Boolean).join(" · ");
    }
    words = words.replace(/\s+/g, " ").trim();
    if (words.length > 80) {
      words = words.slice(0, 79) + "…";
    }
    block.querySelector(".content-block-summary").textContent =
      words ? label + ": " + words : label;
  }

  function renumber(group) {
    blocksOf(group).forEach(function (block, index) {
      const order = field(block, "order");
      if (order.value !== String(index + 1)) {
        order.value = String(index + 1);
      }
    });
  }

  function announce(group, block) {
    const blocks = blocksOf(group);
    group.querySelector(".content-blocks-status").textContent =
      "Blocket ”" + block.querySelector(".content-block-summary").textContent +
      "” är nu nummer " + (blocks.indexOf(block) + 1) + " av " + blocks.length + ".";
  }

  function move(group, block, step) {
    const blocks = blocksOf(group);
    const target = blocks[blocks.indexOf(block) + step];
    if (!target) {
      return;
    }
    target.insertAdjacentElement(step < 0 ? "beforebegin" : "afterend", block);
    renumber(group);
    announce(group, block);
  }

  function button(text, className, label) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = text;
    element.setAttribute("aria-label", label);
    return element;
  }

  function addControls(group, block) {
    const summary = () => block.querySelector(".content-block-summary").textContent;
    const controls = document.createElement("div");
    controls.className = "content-block-controls";
    const handle = button("⠿", "content-block-handle", "");
    const up = button("Upp", "content-block-up", "");
    const down = button("Ner", "content-block-down", "");
    const labels = function () {
      handle.setAttribute("aria-label", "Flytta " + summary() + " (dra, eller pil upp och ner)");
      up.setAttribute("aria-label", "Flytta upp " + summary());
      down.setAttribute("aria-label", "Flytta ner " + summary());
    };
    labels();
    block.addEventListener("input", labels);
    block.addEventListener("change", labels);
    up.addEventListener("click", () => { move(group, block, -1); up.focus(); });
    down.addEventListener("click", () => { move(group, block, 1); down.focus(); });
    handle.addEventListener("keydown", function (event) {
      const step = { ArrowUp: -1, ArrowDown: 1 }[event.key];
      if (step) {
        event.preventDefault();
        move(group, block, step);
        handle.focus();
      }
    });
    // Only the handle starts a drag, so text in the fields can still be selected.
    handle.addEventListener("pointerdown", () => { block.draggable = true; });
    block.addEventListener("dragstart", function (event) {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", block.id);
      block.classList.add("content-block-dragging");
    });
    block.addEventListener("dragend", function () {
      block.draggable = false;
      block.classList.remove("content-block-dragging");
      renumber(group);
      announce(group, block);
    });
    controls.append(handle, up, down);
    block.prepend(controls);
  }

  function dragOver(group, event) {
    const dragged = group.querySelector(".content-block-dragging");
    const over = event.target.closest(BLOCK);
    if (!dragged || !over || over === dragged) {
      return;
    }
    event.preventDefault();
    const box = over.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    over.insertAdjacentElement(after ? "afterend" : "beforebegin", dragged);
  }

  function setUp(group, block) {
    const kind = field(block, "kind");
    showFieldsOfKind(group, block);
    updateSummary(block);
    kind.addEventListener("change", () => showFieldsOfKind(group, block));
    block.addEventListener("input", () => updateSummary(block));
    block.addEventListener("change", () => updateSummary(block));
    addControls(group, block);
  }

  function start() {
    document.querySelectorAll(".content-blocks").forEach(function (group) {
      group.classList.add("content-blocks-sortable");
      blocksOf(group).forEach((block) => setUp(group, block));
      group.addEventListener("dragover", (event) => dragOver(group, event));
      group.addEventListener("drop", (event) => event.preventDefault());
    });
  }

  // Django's inlines.js announces a block added with "Lägg till ytterligare …".
  document.addEventListener("formset:added", function (event) {
    const group = event.target.closest(".content-blocks");
    if (group) {
      setUp(group, event.target);
      renumber(group);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
