/**
 * The dashboard as a drop target for recordings: a file dragged over it lights the zone, a drop hands
 * the file to the store (lib/recording-drop.ts decides whether it is a recording), which asks the app
 * to open it in a window of its own. Text or links dragged over are left alone.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { carriesFiles } from '../../lib/recording-drop';
import { useApp } from '../../store/use-app';

export function RecordingDropZone({ children }: { readonly children: ReactNode }) {
  const dropRecording = useApp((s) => s.dropRecording);
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed: count them to know when the drag left.
  const depth = useRef(0);
  const files = (e: DragEvent): boolean => carriesFiles(Array.from(e.dataTransfer.types));

  return (
    <div
      className={over ? 'drop-zone dragging' : 'drop-zone'}
      data-testid="recording-drop-zone"
      onDragEnter={(e) => {
        if (!files(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!files(e)) return;
        // Without preventDefault the browser refuses the drop (HTML drag-and-drop processing model).
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (!files(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        void dropRecording(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
      {over ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop a recording to replay it in a new window
        </div>
      ) : null}
    </div>
  );
}

/** Why the last dropped or chosen recording did not open. */
export function RecordingError() {
  const error = useApp((s) => s.recordingError);
  return error ? (
    <p className="banner tone-critical" role="alert" data-testid="recording-error">
      Could not open the recording: {error}
    </p>
  ) : null;
}
