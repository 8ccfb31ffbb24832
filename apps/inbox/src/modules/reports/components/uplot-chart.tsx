import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 220;
const MIN_WIDTH = 260;

/**
 * One uPlot chart in a figure whose `aria-label` says what it shows; the tables below carry the
 * same figures for screen readers. Redrawn when its data changes, resized with its container.
 */
export function UplotChart({
  chart,
  title,
  summary,
  options,
  data,
}: {
  chart: string;
  title: string;
  summary: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(MIN_WIDTH, el.clientWidth);
    const plot = new uPlot({ ...options, width: width(), height: HEIGHT }, data, el);
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [options, data]);
  const points = data[0].length;
  return (
    <figure
      className="report-chart"
      data-testid="report-chart"
      data-chart={chart}
      data-points={points}
      role="img"
      aria-label={summary}
    >
      <figcaption>{title}</figcaption>
      <div ref={box} className="report-chart__plot" aria-hidden="true" />
    </figure>
  );
}
