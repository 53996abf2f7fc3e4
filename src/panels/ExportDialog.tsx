import {
  Clipboard,
  FileCode2,
  FileJson,
  FileText,
  FileType2,
  Image,
  LoaderCircle,
  Printer,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useStudio } from '../store/studio';
import { notify } from '../store/ui';
import {
  copyDiagramImage,
  diagramDrawio,
  diagramPdf,
  diagramPng,
  diagramSvg,
  downloadBlob,
  downloadDesignFile,
  downloadReportMarkdown,
  exportFileName,
  printReport,
  type DiagramOptions,
  type ExportScale,
} from '../app/importExport';
import type { Design } from '../model/schema';
import { Modal } from './Modal';

const SCALES: readonly ExportScale[] = [1, 2, 3];

type DiagramJob = 'png' | 'svg' | 'pdf' | 'drawio' | 'copy';
type Job = DiagramJob | 'print';

/** The diagram's file formats: how each is made, and the file name's extension. */
const DIAGRAM_FILES: Record<
  Exclude<DiagramJob, 'copy'>,
  readonly [(design: Design, options: DiagramOptions) => Promise<Blob>, string]
> = {
  png: [diagramPng, '.png'],
  svg: [diagramSvg, '.svg'],
  pdf: [diagramPdf, '.pdf'],
  drawio: [diagramDrawio, '.drawio'],
};

/** The diagram's exports, in the dialog's order. */
const DIAGRAM_EXPORTS: readonly {
  job: DiagramJob;
  Icon: LucideIcon;
  title: string;
  detail: string;
}[] = [
  {
    job: 'png',
    Icon: Image,
    title: 'PNG image',
    detail: 'For slides and documents. Carries the design: open it in DCI Studio to edit again.',
  },
  {
    job: 'svg',
    Icon: FileCode2,
    title: 'SVG image',
    detail:
      'Plain shapes and text: sharp at any size in slides, Inkscape, Visio and browsers. Carries the design.',
  },
  {
    job: 'pdf',
    Icon: FileType2,
    title: 'PDF (vector)',
    detail: 'One page, lines and text that stay sharp when printed or zoomed.',
  },
  {
    job: 'drawio',
    Icon: Workflow,
    title: 'draw.io file',
    detail:
      'Sites as containers, devices and labelled links, editable in draw.io and from there in Visio.',
  },
  {
    job: 'copy',
    Icon: Clipboard,
    title: 'Copy image',
    detail: 'The PNG on the clipboard, to paste straight into a slide or a chat.',
  },
];

function ExportButton({
  testId,
  icon,
  title,
  detail,
  busy,
  disabled,
  onClick,
}: {
  testId: string;
  icon: ReactNode;
  title: string;
  detail: string;
  busy?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      className="flex w-full items-start gap-3 rounded-lg border border-slate-200 p-2.5 text-left hover:border-teal-500 hover:bg-teal-50/60 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:border-slate-200 disabled:hover:bg-transparent dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span className="mt-0.5 shrink-0 text-teal-700 dark:text-teal-400">
        {busy ? <LoaderCircle className="h-5 w-5 animate-spin" aria-hidden /> : icon}
      </span>
      <span>
        <span className="block font-semibold text-slate-900 dark:text-slate-100">{title}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">{detail}</span>
      </span>
    </button>
  );
}

export function ExportDialog() {
  const design = useStudio((s) => s.design);
  const [scale, setScale] = useState<ExportScale>(2);
  const [annotations, setAnnotations] = useState(true);
  const [title, setTitle] = useState(true);
  const [legend, setLegend] = useState(true);
  const [job, setJob] = useState<Job | null>(null);
  const empty = design.nodes.length === 0;

  const diagram = (): DiagramOptions => ({ scale, annotations, title, legend });

  const run = async (which: Job, work: () => Promise<void>) => {
    setJob(which);
    try {
      await work();
    } catch (error) {
      notify(
        'error',
        `The export failed: ${error instanceof Error ? error.message : String(error)}.`,
      );
    } finally {
      setJob(null);
    }
  };

  /** A diagram export: a file to download, or the image on the clipboard. */
  const exportDiagram = (which: DiagramJob) =>
    run(which, async () => {
      if (which === 'copy') {
        await copyDiagramImage(design, diagram());
        notify(
          'success',
          'The diagram is on the clipboard as an image: paste it into your slides.',
        );
        return;
      }
      const [make, extension] = DIAGRAM_FILES[which];
      downloadBlob(await make(design, diagram()), exportFileName(design, extension));
    });
  const print = () =>
    run('print', () => printReport(design, empty ? null : { ...diagram(), scale: 2 }));

  const radio =
    'rounded-md border px-2.5 py-1 text-xs font-medium has-[:checked]:border-teal-600 has-[:checked]:bg-teal-50 has-[:checked]:text-teal-900 border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300 dark:has-[:checked]:bg-teal-950 dark:has-[:checked]:text-teal-100 cursor-pointer';

  return (
    <Modal title="Export" testId="dialog.export" wide>
      <div className="grid gap-5 sm:grid-cols-2">
        <section>
          <h3 className="mb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
            Diagram
          </h3>
          <fieldset className="mb-2 flex items-center gap-1.5" disabled={job !== null}>
            <legend className="sr-only">Scale</legend>
            <span className="mr-1 text-xs text-slate-600 dark:text-slate-400">Scale</span>
            {SCALES.map((s) => (
              <label key={s} className={radio}>
                <input
                  type="radio"
                  name="export-scale"
                  className="sr-only"
                  data-testid={`export.scale.${s}`}
                  checked={scale === s}
                  onChange={() => setScale(s)}
                />
                {s}×
              </label>
            ))}
          </fieldset>
          <label className="flex items-start gap-2 py-1">
            <input
              type="checkbox"
              data-testid="export.annotations"
              className="mt-0.5 h-4 w-4 accent-teal-700"
              checked={annotations}
              onChange={(e) => setAnnotations(e.target.checked)}
            />
            <span>
              Include validator annotations
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                Links over their limit in red, with the measured figure
              </span>
            </span>
          </label>
          <label className="flex items-center gap-2 py-1">
            <input
              type="checkbox"
              data-testid="export.title"
              className="h-4 w-4 accent-teal-700"
              checked={title}
              onChange={(e) => setTitle(e.target.checked)}
            />
            Title block (name, date, finding counts)
          </label>
          <label className="mb-3 flex items-center gap-2 py-1">
            <input
              type="checkbox"
              data-testid="export.legend"
              className="h-4 w-4 accent-teal-700"
              checked={legend}
              onChange={(e) => setLegend(e.target.checked)}
            />
            Legend (line styles and device kinds)
          </label>
          <div className="grid gap-2">
            {DIAGRAM_EXPORTS.map(({ job: which, Icon, title: name, detail }) => (
              <ExportButton
                key={which}
                testId={`export.${which}`}
                icon={<Icon className="h-5 w-5" aria-hidden />}
                title={name}
                detail={detail}
                busy={job === which}
                disabled={empty || job !== null}
                onClick={() => void exportDiagram(which)}
              />
            ))}
          </div>
          {empty && (
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
              The canvas is empty: there is no diagram to export yet.
            </p>
          )}
        </section>
        <section>
          <h3 className="mb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
            Design and review
          </h3>
          <div className="grid gap-2">
            <ExportButton
              testId="export.json"
              icon={<FileJson className="h-5 w-5" aria-hidden />}
              title="Design file (.dci.json)"
              detail="The design itself: stable, diff-friendly JSON to keep in git or send by mail."
              disabled={job !== null}
              onClick={() => downloadDesignFile(design)}
            />
            <ExportButton
              testId="export.markdown"
              icon={<FileText className="h-5 w-5" aria-hidden />}
              title="Review report (Markdown)"
              detail="Sites, links, findings and migration estimates, for a wiki or a pull request."
              disabled={job !== null}
              onClick={() => downloadReportMarkdown(design)}
            />
            <ExportButton
              testId="export.print"
              icon={<Printer className="h-5 w-5" aria-hidden />}
              title="Review report (print / PDF)"
              detail="The same report with the diagram, opened for printing or saving as PDF."
              busy={job === 'print'}
              disabled={job !== null}
              onClick={() => void print()}
            />
          </div>
        </section>
      </div>
    </Modal>
  );
}
