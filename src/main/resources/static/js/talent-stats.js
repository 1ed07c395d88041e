// 人才统计: the bar chart of talents introduced by year, from the data-chart attribute (no inline script: CSP).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('stats-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-chart'));
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {},
    xAxis: {type: 'category', data: data.years},
    yAxis: {type: 'value', minInterval: 1},
    series: [{type: 'bar', name: '引进人才', data: data.counts, label: {show: true, position: 'top'}}]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
