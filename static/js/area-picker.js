// The explorer's municipality box (templates/jinja2/analysis/filter_form.html), made
// quicker where JavaScript runs: a municipality picked from the list becomes a chip at
// once, so several can be chosen before "Filtrera". Without JavaScript the box takes one
// per submit and the chips come from the server; the form sends the same either way.
(function () {
  "use strict";

  function start() {
    var box = document.getElementById("id_municipality");
    var options = document.getElementById("id_municipality_options");
    if (!box || !options) {
      return;
    }
    var status = document.getElementById("id_municipality_status");

    function chipList() {
      var list = box.parentNode.querySelector("ul.chips");
      if (!list) {
        list = document.createElement("ul");
        list.className = "chips";
        list.setAttribute("aria-label", "Valda kommuner");
        box.parentNode.insertBefore(list, box.parentNode.querySelector("label").nextSibling);
      }
      return list;
    }

    function addChip(value) {
      var item = document.createElement("li");
      var remove = document.createElement("button");
      var hidden = document.createElement("input");
      item.appendChild(document.createTextNode(value + " "));
      remove.type = "button";
      remove.className = "chip-remove";
      remove.textContent = "×";
      remove.setAttribute("aria-label", "Ta bort " + value);
      remove.addEventListener("click", function () {
        item.parentNode.removeChild(item);
        status.textContent = value + " borttagen.";
        box.focus();
      });
      hidden.type = "hidden";
      hidden.name = box.name;
      hidden.value = value;
      item.appendChild(remove);
      item.appendChild(hidden);
      chipList().appendChild(item);
      status.textContent = value + " tillagd.";
    }

    // "input" for a pick from the list, "change" for a value typed in full.
    function pick() {
      var value = box.value.trim();
      var known = Array.prototype.some.call(options.options, function (option) {
        return option.value === value;
      });
      if (known) {
        addChip(value);
        box.value = "";
      }
    }
    box.addEventListener("input", function (event) {
      if (event.inputType === "insertReplacementText" || !event.inputType) {
        pick();
      }
    });
    box.addEventListener("change", pick);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
