/**
 * Dragging the picture to pan. While the pointer moves, the content group's transform is written
 * straight to the DOM once per animation frame (no React render, nothing allocated but the
 * attribute's text); the offset becomes React state once, when the pointer is released.
 */
import { useCallback, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

const DRAG_THRESHOLD = 4;

export function usePanDrag(
  content: RefObject<SVGGElement | null>,
  offset: number,
  clamp: (px: number) => number,
  commit: (px: number) => void,
) {
  const state = useRef({ pointer: -1, startX: 0, startOffset: 0, current: 0, dragged: false, frame: 0 });

  const write = useCallback(() => {
    const s = state.current;
    s.frame = 0;
    content.current?.setAttribute('transform', `translate(${-s.current} 0)`);
  }, [content]);

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      const s = state.current;
      s.pointer = event.pointerId;
      s.startX = event.clientX;
      s.startOffset = offset;
      s.current = offset;
      s.dragged = false;
    },
    [offset],
  );

  const onPointerMove = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      const s = state.current;
      if (s.pointer !== event.pointerId) return;
      const dx = event.clientX - s.startX;
      if (!s.dragged && Math.abs(dx) < DRAG_THRESHOLD) return;
      if (!s.dragged) {
        s.dragged = true;
        event.currentTarget.setPointerCapture?.(event.pointerId);
      }
      s.current = clamp(s.startOffset - dx);
      if (!s.frame) s.frame = requestAnimationFrame(write);
    },
    [clamp, write],
  );

  const onPointerUp = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      const s = state.current;
      if (s.pointer !== event.pointerId) return;
      s.pointer = -1;
      if (s.frame) cancelAnimationFrame(s.frame);
      s.frame = 0;
      if (s.dragged) commit(s.current);
    },
    [commit],
  );

  /** Whether the click that ends a press was a drag (then it must not open the item under it). */
  const wasDrag = useCallback(() => {
    const dragged = state.current.dragged;
    state.current.dragged = false;
    return dragged;
  }, []);

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, wasDrag };
}
