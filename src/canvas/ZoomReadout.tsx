import { ControlButton, useReactFlow, useStore } from '@xyflow/react';

/**
 * The zoom as a percentage, beside the zoom buttons. A click zooms to 100 %; at 100 % it fits
 * the whole design instead.
 */
export function ZoomReadout() {
  const percent = useStore((s) => Math.round(s.transform[2] * 100));
  const flow = useReactFlow();
  const atActualSize = percent === 100;
  return (
    <ControlButton
      data-testid="zoom.readout"
      title={
        atActualSize
          ? 'Zoom 100 % — click to fit the design'
          : `Zoom ${percent} % — click for 100 %`
      }
      aria-label={atActualSize ? 'Zoom 100 %. Fit the design' : `Zoom ${percent} %. Zoom to 100 %`}
      onClick={() =>
        atActualSize
          ? void flow.fitView({ padding: 0.15, duration: 200, maxZoom: 1.1 })
          : void flow.zoomTo(1, { duration: 200 })
      }
      className="zoom-readout"
    >
      {percent} %
    </ControlButton>
  );
}
