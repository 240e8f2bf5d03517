/*
 * Draws a chart on every <canvas data-chart="ID">, from the figures that Django's
 * json_script wrote into the element with that id:
 *   {"labels": [...], "datasets": [{"label": "...", "data": ["12.50", ...]}]}
 * Amounts come as text so that no cent is rounded on the way; they become numbers
 * only to be drawn. data-chart-stacked stacks the datasets; data-chart-unit="number"
 * shows plain numbers (visitors, hours) instead of euros. Every chart has its
 * figures in a table beside it as well: the chart adds a picture, never facts.
 * No inline script: this file is loaded with defer after Chart.js.
 */
(function () {
  "use strict";

  // Okabe and Ito's palette: told apart with every common colour blindness.
  var COLOURS = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
  ];

  function formatter(canvas) {
    var language = document.documentElement.lang || "nl";
    if (canvas.getAttribute("data-chart-unit") === "number") {
      return new Intl.NumberFormat(language);
    }
    return new Intl.NumberFormat(language, { style: "currency", currency: "EUR" });
  }

  function dataset(figures, index) {
    var colour = COLOURS[index % COLOURS.length];
    return {
      label: figures.label,
      data: figures.data.map(Number),
      backgroundColor: colour,
      borderColor: colour,
    };
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var figures = JSON.parse(source.textContent);
    var stacked = canvas.hasAttribute("data-chart-stacked");
    var money = formatter(canvas);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: figures.labels,
        datasets: figures.datasets.map(dataset),
      },
      options: {
        // The figures are there at once, for people who asked for less motion too.
        animation: false,
        scales: {
          x: { stacked: stacked },
          y: {
            stacked: stacked,
            beginAtZero: true,
            ticks: {
              callback: function (value) {
                return money.format(value);
              },
            },
          },
        },
        plugins: {
          legend: { display: figures.datasets.length > 1 },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + money.format(item.parsed.y);
              },
            },
          },
        },
      },
    });
  }

  function drawAll() {
    var canvases = document.querySelectorAll("canvas[data-chart]");
    for (var index = 0; index < canvases.length; index += 1) {
      draw(canvases[index]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
