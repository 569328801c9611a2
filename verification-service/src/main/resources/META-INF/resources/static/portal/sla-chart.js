// The SLA page's charts (Chart.js, served from /static/portal/vendor/chartjs/): cases decided per
// day and the share within standard per step. The tables below each chart hold the same figures.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('canvas.sla-chart').forEach(function (canvas) {
    var labels = canvas.dataset.labels ? canvas.dataset.labels.split('|') : [];
    var values = canvas.dataset.values ? canvas.dataset.values.split('|').map(Number) : [];
    var within = canvas.dataset.kind === 'within';
    canvas.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [{
          label: canvas.dataset.title,
          data: values,
          backgroundColor: within ? values.map(function (v) { return v >= 90 ? '#1b7a3d' : v >= 70 ? '#b36b00' : '#b3261e'; })
            : '#1f4e8c'
        }]
      },
      options: {
        indexAxis: within ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: within ? { x: { min: 0, max: 100 } } : { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
}());
