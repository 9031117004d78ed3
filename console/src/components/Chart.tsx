/**
 * An ECharts chart (tree-shaken: bars and lines on a canvas). A chart is an image to a screen
 * reader, so it carries a label, and every figure it shows is also in a table beside it; a click
 * on a bar or point opens the cases behind it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export function Chart({ option, label, onPick }: { option: ChartOption; label: string; onPick?: (dataIndex: number) => void }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = init(el.current!, undefined, { renderer: 'canvas' });
    chart.setOption({ animation: false, ...option });
    if (onPick) chart.on('click', (p) => onPick(p.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, onPick]);
  return <div ref={el} className="chart" role="img" aria-label={label} />;
}
