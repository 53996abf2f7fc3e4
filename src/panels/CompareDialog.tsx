/**
 * "Compare…": what changed between the open design and another version of it (a design file,
 * an exported PNG/SVG that carries its design, a share link, or a design kept in this browser's
 * Recent designs). The other version goes through
 * the one loader and is only read: the open design is never touched, whatever comes in.
 */
import { ArrowLeftRight, ClipboardCopy, FileUp, GitCompareArrows, Highlighter } from 'lucide-react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { importBytes } from '../io/import';
import { decodeLink } from '../io/link';
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import { diffDesigns, type DesignDiff, type ElementRef } from '../rules/whatif/diff';
import {
  elementKind,
  elementName,
  readChange,
  readDesignChange,
  type ReadableChange,
} from '../rules/whatif/readChange';
import { findingsFor } from '../store/findings';
import { useStudio } from '../store/studio';
import { markComparison, markedComparison, whereItStood } from '../store/compareMarks';
import { designStorage } from '../store/persistence';
import {
  GONE_FROM_STORAGE,
  listRecent,
  loadRecent,
  savedAtText,
  type RecentDesign,
} from '../store/recent';
import { notify, useUi } from '../store/ui';
import {
  changeSummary,
  comparisonMarkdown,
  findingsSummary,
  type Comparison,
} from '../io/comparison';
import type { FlowEdge, FlowNode } from '../store/flow';
import { focusElements } from './focus';
import { useReactFlow } from '@xyflow/react';
import { buttonClass, inputClass } from './fields';
import { SEVERITY_META } from './findingParts';
import { copyText, downloadBlob, OPEN_FILE_ACCEPT } from '../app/importExport';
import { Modal } from './Modal';
import { plural } from '../model/plural';

/**
 * The comparison the lists show: an element only the other version has is shown where it stood,
 * its ghost drawn with the comparison's marks (ElementName).
 */
const Compared = createContext<{ readonly other: Other; readonly otherFirst: boolean } | null>(
  null,
);

/** Longer lists are cut: a comparison with an unrelated design is not worth 2,000 rows. */
const MAX_ROWS = 100;

/** The other version, or why it could not be read. */
type Read =
  { readonly ok: true; readonly other: Other } | { readonly ok: false; readonly error: string };

interface Other {
  readonly design: Design;
  /** Where it came from: the file name, or "the pasted link". */
  readonly source: string;
}

export function CompareDialog() {
  const current = useStudio((s) => s.design);
  // While a comparison is marked on the canvas, the dialog opens on it again.
  const [other, setOther] = useState<Other | null>(() => {
    const marked = markedComparison();
    return marked && { design: marked.other, source: marked.against };
  });
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState('');
  // By default the open design is "before" and a file or a link "after": "what does the
  // version I was sent change?". A design kept in Recent designs is an earlier state (kept
  // before an edit, or put aside when another design replaced it): it comes first, "what
  // changed since?". Swap turns either round.
  const [otherFirst, setOtherFirst] = useState(() => markedComparison()?.otherFirst ?? false);
  // The designs kept in this browser (Recent designs): the one open before a file or a link
  // replaced it is often the version to compare with.
  const [recent, setRecent] = useState<readonly RecentDesign[]>([]);
  const [recentId, setRecentId] = useState('');
  // Each read of another version takes a ticket; only the latest one read may answer. A file or
  // a Recent design is read asynchronously: one chosen and then another could be answered in
  // the wrong order, and the dialog would compare with the one chosen first.
  const latest = useRef(0);
  const settle = useCallback((ticket: number, read: Read, fromRecent = '') => {
    if (ticket !== latest.current) return;
    setError(read.ok ? null : read.error);
    if (!read.ok) return;
    setRecentId(fromRecent);
    setOther(read.other);
    setOtherFirst(fromRecent !== '');
  }, []);
  useEffect(() => {
    let live = true;
    void listRecent(designStorage()).then((list) => {
      if (!live) return;
      const usable = list.filter((e) => e.problem === undefined);
      setRecent(usable);
      // Opened from an entry of Recent designs: compare with it at once.
      const from = useUi.getState().compareFrom;
      if (from === null) return;
      useUi.setState({ compareFrom: null });
      setRecentId(from);
      const ticket = ++latest.current;
      void recentVersion(usable, from).then((read) => live && settle(ticket, read, from));
    });
    return () => {
      live = false;
    };
  }, [settle]);

  const diff = useMemo(() => {
    if (!other) return null;
    const mine = findingsFor(current).all;
    return otherFirst
      ? diffDesigns(other.design, current, { findingsB: mine })
      : diffDesigns(current, other.design, { findingsA: mine });
  }, [current, other, otherFirst]);

  const readFile = async (file: File) => {
    const ticket = ++latest.current;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      settle(ticket, { ok: false, error: `“${file.name}” could not be read.` });
      return;
    }
    const result = importBytes(file.name, bytes);
    settle(
      ticket,
      result.ok
        ? { ok: true, other: { design: result.design, source: file.name } }
        : { ok: false, error: `Could not compare with “${file.name}”: ${result.error.message}` },
    );
  };

  const readRecent = async (id: string) => {
    setRecentId(id);
    const ticket = ++latest.current;
    settle(ticket, await recentVersion(recent, id), id);
  };

  const readLink = () => {
    const ticket = ++latest.current;
    const text = link.trim();
    if (text === '') {
      settle(ticket, { ok: false, error: 'Paste a DCI Studio share link first.' });
      return;
    }
    const result = decodeLink(text);
    settle(
      ticket,
      result.ok
        ? { ok: true, other: { design: result.design, source: 'the pasted link' } }
        : { ok: false, error: `Could not compare with that link: ${result.error.message}` },
    );
  };

  const compared = useMemo(() => other && { other, otherFirst }, [other, otherFirst]);
  const mine = { label: 'This design', name: current.name, design: current };
  const theirs = other && { label: other.source, name: other.design.name, design: other.design };
  const before = otherFirst && theirs ? theirs : mine;
  const after = otherFirst || !theirs ? mine : theirs;

  return (
    <Modal title="Compare with another version" testId="dialog.compare" wide>
      <div className="grid gap-3 sm:grid-cols-[auto_1fr]">
        <div>
          <p className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">
            A design file or an exported PNG / SVG
          </p>
          <label
            className={`${buttonClass} h-8 cursor-pointer focus-within:ring-2 focus-within:ring-teal-600/40`}
          >
            <FileUp className="h-4 w-4" aria-hidden /> Choose a file…
            <input
              type="file"
              data-testid="compare.file"
              accept={OPEN_FILE_ACCEPT}
              className="sr-only"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                // Let the same file be chosen again after it was edited on disk.
                e.currentTarget.value = '';
                if (file) void readFile(file);
              }}
            />
          </label>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            readLink();
          }}
        >
          <label
            htmlFor="compare-link"
            className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
          >
            or a share link
          </label>
          <div className="flex gap-1.5">
            <input
              id="compare-link"
              data-testid="compare.link"
              className={`${inputClass} h-8 font-mono !text-xs`}
              placeholder="https://…/#d=2.…"
              spellCheck={false}
              autoComplete="off"
              value={link}
              onChange={(e) => setLink(e.target.value)}
            />
            <button
              type="submit"
              data-testid="compare.link.submit"
              className={`${buttonClass} h-8`}
            >
              Compare
            </button>
          </div>
        </form>
        {recent.length > 0 && (
          <div className="sm:col-span-2">
            <label
              htmlFor="compare-recent"
              className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
            >
              or a design kept in this browser (Recent designs)
            </label>
            <select
              id="compare-recent"
              data-testid="compare.recent"
              className={`${inputClass} h-8`}
              value={recentId}
              onChange={(e) => void readRecent(e.target.value)}
            >
              <option value="" disabled>
                Choose a design put aside…
              </option>
              {recent.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name || 'Untitled design'}
                  {entry.label === undefined ? '' : ` “${entry.label}”`} · put aside{' '}
                  {savedAtText(entry.savedAt)} · {plural(entry.elements, 'element')}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {error && (
        <p
          role="alert"
          data-testid="compare.error"
          className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {error} The open design is unchanged.
        </p>
      )}
      {!diff && !error && (
        <p className="mt-4 flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
          <GitCompareArrows className="h-4 w-4 shrink-0" aria-hidden />
          Pick the other version: the studio lists the elements added, removed and changed, and the
          findings that appear or go away. Nothing is opened or changed.
        </p>
      )}
      {diff && theirs && (
        <div className="mt-4" data-testid="compare.result">
          <div className="mb-3 flex flex-wrap items-center gap-3 rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-950">
            <dl className="grid min-w-0 flex-1 basis-80 grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-0.5">
              <Side tag="Before" label={before.label} name={before.name} />
              <Side tag="After" label={after.label} name={after.name} />
            </dl>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                data-testid="compare.swap"
                className={buttonClass}
                title="Swap before and after"
                onClick={() => setOtherFirst(!otherFirst)}
              >
                <ArrowLeftRight className="h-3.5 w-3.5" aria-hidden /> Swap
              </button>
              <button
                type="button"
                data-testid="compare.mark"
                className={buttonClass}
                title="Outline on the canvas what the other version changes, adds or removes"
                onClick={() => {
                  markComparison(other.design, otherFirst, other.source);
                  useUi.getState().openDialog(null);
                }}
              >
                <Highlighter className="h-3.5 w-3.5" aria-hidden /> Mark on the canvas
              </button>
              <button
                type="button"
                data-testid="compare.copy"
                className={buttonClass}
                title="Copy the comparison as Markdown, for a ticket or a pull request"
                onClick={() =>
                  void copyComparison(
                    { before: before.design, after: after.design, diff },
                    before.label,
                    after.label,
                  )
                }
              >
                <ClipboardCopy className="h-3.5 w-3.5" aria-hidden /> Copy as Markdown
              </button>
            </div>
          </div>
          <Compared.Provider value={compared}>
            <DiffView diff={diff} before={before.design} after={after.design} />
          </Compared.Provider>
        </div>
      )}
    </Modal>
  );
}

/** A design of Recent designs (by its entry's id) as the other version, or why it cannot be. */
async function recentVersion(entries: readonly RecentDesign[], id: string): Promise<Read> {
  const entry = entries.find((e) => e.id === id);
  if (!entry) return { ok: false, error: `Could not compare with it: ${GONE_FROM_STORAGE}` };
  const result = await loadRecent(designStorage(), entry);
  if (!result.ok)
    return { ok: false, error: `Could not compare with “${entry.name}”: ${result.error.message}` };
  return {
    ok: true,
    other: {
      design: result.design,
      source:
        entry.label === undefined
          ? `the version of ${savedAtText(entry.savedAt)}`
          : `“${entry.label}” (${savedAtText(entry.savedAt)})`,
    },
  };
}

function Side({ tag, label, name }: { tag: string; label: string; name: string }) {
  return (
    <>
      <dt className="text-[10px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
        {tag}
      </dt>
      <dd className="flex min-w-0 items-baseline gap-1.5">
        <span
          className="max-w-full min-w-0 truncate font-medium text-slate-900 dark:text-slate-100"
          title={label}
        >
          {label}
        </span>
        {name && (
          <span
            className="min-w-0 shrink-[4] truncate text-xs text-slate-500 dark:text-slate-400"
            title={name}
          >
            “{name}”
          </span>
        )}
      </dd>
    </>
  );
}

function DiffView({ diff, before, after }: { diff: DesignDiff; before: Design; after: Design }) {
  const { findings } = diff;
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="compare.summary">
        {changeSummary(diff)} — findings: {findingsSummary(diff)}. Positions and sizes are not
        compared; a name shows its element on the canvas, or where it stood.
      </p>

      {/* Changed elements carry a line per field: they get half the width. */}
      <div className="grid gap-3 md:grid-cols-4">
        <ElementList
          title="Added"
          testId="compare.added"
          tone="text-emerald-700 dark:text-emerald-400"
          refs={diff.added}
          design={after}
        />
        <ElementList
          title="Removed"
          testId="compare.removed"
          tone="text-red-700 dark:text-red-400"
          refs={diff.removed}
          design={before}
        />
        <Group
          title="Changed"
          testId="compare.changed"
          count={diff.changed.length}
          tone="text-amber-700 dark:text-amber-400"
          className="md:col-span-2"
        >
          {diff.changed.slice(0, MAX_ROWS).map((c) => (
            <li key={`${c.collection}:${c.id}`} data-testid="compare.item" data-id={c.id}>
              <ElementName element={c} design={after} />
              <ul className="mt-0.5 mb-1 space-y-0.5 pl-2">
                {c.changes.map((change) => (
                  <Change key={change.path} change={readChange(c, change, before, after)} />
                ))}
              </ul>
            </li>
          ))}
          <More count={diff.changed.length} />
        </Group>
      </div>

      {(diff.design.length > 0 || diff.waivers.added.length + diff.waivers.removed.length > 0) && (
        <Group title="Design settings and waivers" testId="compare.design" count={null}>
          {diff.design.map((change) => (
            <Change key={change.path} change={readDesignChange(change)} />
          ))}
          {diff.waivers.added.length > 0 && (
            <li className="text-xs">{plural(diff.waivers.added.length, 'waiver')} added</li>
          )}
          {diff.waivers.removed.length > 0 && (
            <li className="text-xs">{plural(diff.waivers.removed.length, 'waiver')} removed</li>
          )}
        </Group>
      )}

      <div className="grid gap-3 md:grid-cols-2">
        <FindingList
          title="New findings"
          testId="compare.findings.new"
          findings={findings.new}
          empty="None: no finding appears."
        />
        <FindingList
          title="Resolved findings"
          testId="compare.findings.resolved"
          findings={findings.resolved}
          empty="None: no finding goes away."
        />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="compare.unchanged">
        {plural(findings.unchanged.length, 'finding')} in both versions.
      </p>
    </div>
  );
}

function Group({
  title,
  testId,
  count,
  tone,
  className = '',
  children,
}: {
  title: string;
  testId: string;
  count: number | null;
  tone?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      data-testid={testId}
      data-count={count ?? undefined}
      className={`min-w-0 ${className}`}
    >
      <h3
        className={`mb-1 text-[11px] font-semibold tracking-wider uppercase ${tone ?? 'text-slate-500 dark:text-slate-400'}`}
      >
        {title}
        {count !== null && ` (${count})`}
      </h3>
      {count === 0 ? (
        <p className="text-xs text-slate-500 italic dark:text-slate-400">Nothing.</p>
      ) : (
        <ul className="space-y-1 text-[13px]">{children}</ul>
      )}
    </section>
  );
}

function ElementList({
  title,
  testId,
  tone,
  refs,
  design,
}: {
  title: string;
  testId: string;
  tone: string;
  refs: readonly ElementRef[];
  design: Design;
}) {
  return (
    <Group title={title} testId={testId} count={refs.length} tone={tone}>
      {refs.slice(0, MAX_ROWS).map((r) => (
        <li key={`${r.collection}:${r.id}`} data-testid="compare.item" data-id={r.id}>
          <ElementName element={r} design={design} />
        </li>
      ))}
      <More count={refs.length} />
    </Group>
  );
}

function More({ count }: { count: number }) {
  if (count <= MAX_ROWS) return null;
  return (
    <li className="text-xs text-slate-500 italic dark:text-slate-400">
      and {count - MAX_ROWS} more…
    </li>
  );
}

/**
 * An element's kind and name; a long name (a note's first words) wraps to a second line. An
 * element of the open design is a button that shows it on the canvas; one only the other version
 * has, a button that marks the comparison and shows its ghost where it stood.
 */
function ElementName({ element, design }: { element: ElementRef; design: Design }) {
  const name = elementName(element, design);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const current = useStudio((s) => s.design);
  const ids = canvasIds(element, current);
  const compared = useContext(Compared);
  // Not on the canvas, but in the other version: shown where it stood, as a ghost.
  const stood =
    !ids &&
    compared !== null &&
    design === compared.other.design &&
    ['nodes', 'links', 'workloads'].includes(element.collection)
      ? compared
      : null;
  const nameClass =
    'line-clamp-2 min-w-0 font-medium [overflow-wrap:anywhere] text-slate-900 dark:text-slate-100';
  const title = name === element.id ? name : `${name} (${element.id})`;
  return (
    <span className="flex min-w-0 items-baseline gap-1.5">
      <span className="shrink-0 text-[10px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {elementKind(element)}
      </span>
      {ids ? (
        <button
          type="button"
          className={`${nameClass} cursor-pointer text-left hover:underline focus-visible:underline focus-visible:outline-none`}
          title={`${title}: show on the canvas`}
          data-testid="compare.show"
          onClick={() => {
            useUi.getState().openDialog(null);
            focusElements(ids, flow);
          }}
        >
          {name}
        </button>
      ) : stood ? (
        <button
          type="button"
          className={`${nameClass} cursor-pointer text-left hover:underline focus-visible:underline focus-visible:outline-none`}
          title={`${title}: show where it stood, marked on the canvas`}
          data-testid="compare.stood"
          onClick={() => {
            const { other, otherFirst } = stood;
            const box = whereItStood(current, other.design, element);
            useUi.getState().openDialog(null);
            if (!box) return;
            // Marked as the dialog shows it (this version, this order), unless it is already.
            const marked = markedComparison();
            if (marked?.other !== other.design || marked.otherFirst !== otherFirst)
              markComparison(other.design, otherFirst, other.source);
            useStudio.getState().select([]);
            // Not closer than a few cards' width: one card alone filled the view.
            const width = Math.max(box.width, 640);
            const height = Math.max(box.height, 400);
            void flow.fitBounds(
              {
                x: box.x + box.width / 2 - width / 2,
                y: box.y + box.height / 2 - height / 2,
                width,
                height,
              },
              { padding: 0.2, duration: 400 },
            );
          }}
        >
          {name}
        </button>
      ) : (
        <span className={nameClass} title={title}>
          {name}
        </span>
      )}
    </span>
  );
}

/**
 * Copy the comparison as Markdown (the words of `dci-studio compare --markdown`); where the
 * browser refuses the clipboard, download it as a file instead.
 */
async function copyComparison(c: Comparison, beforeLabel: string, afterLabel: string) {
  const markdown = comparisonMarkdown(c, beforeLabel, afterLabel);
  if (await copyText(markdown)) {
    notify('success', 'Comparison copied as Markdown.');
    return;
  }
  downloadBlob(new Blob([markdown], { type: 'text/markdown' }), 'comparison.md');
  notify('info', 'The browser did not allow copying: the comparison was downloaded instead.');
}

/**
 * What the canvas shows of an element, if the open design has it: the element itself, or a
 * workload's host cluster. A segment is not drawn.
 */
function canvasIds(element: ElementRef, design: Design): ReadonlySet<string> | null {
  const has = (list: readonly { readonly id: string }[]) => list.some((e) => e.id === element.id);
  switch (element.collection) {
    case 'workloads': {
      const workload = design.workloads.find((w) => w.id === element.id);
      return workload ? new Set([workload.clusterId]) : null;
    }
    case 'segments':
      return null;
    case 'nodes':
      return has(design.nodes) ? new Set([element.id]) : null;
    case 'links':
      return has(design.links) ? new Set([element.id]) : null;
    case 'notes':
      return has(design.notes) ? new Set([element.id]) : null;
  }
}

function Change({ change }: { change: ReadableChange }) {
  return (
    <li
      className="text-xs leading-4 break-words text-slate-700 dark:text-slate-300"
      data-testid="compare.change"
    >
      <span className="text-slate-500 dark:text-slate-400">{change.label}:</span>{' '}
      {change.before !== undefined && (
        <>
          <span className="text-red-700 dark:text-red-400">{change.before}</span>
          {' → '}
        </>
      )}
      <span className="text-emerald-700 dark:text-emerald-400">{change.after}</span>
    </li>
  );
}

function FindingList({
  title,
  testId,
  findings,
  empty,
}: {
  title: string;
  testId: string;
  findings: readonly Finding[];
  empty: string;
}) {
  return (
    <section data-testid={testId} data-count={findings.length} className="min-w-0">
      <h3 className="mb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
        {title} ({findings.length})
      </h3>
      {findings.length === 0 ? (
        <p className="text-xs text-slate-500 italic dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="space-y-1">
          {findings.slice(0, MAX_ROWS).map((f) => {
            const meta = SEVERITY_META[f.severity];
            const Icon = meta.icon;
            return (
              <li key={f.key} className="flex items-start gap-1.5 text-xs" data-rule={f.ruleId}>
                <Icon
                  className={`mt-0.5 h-3.5 w-3.5 shrink-0 ${meta.text}`}
                  aria-label={f.severity}
                />
                <span className="min-w-0">
                  <span className="mr-1 font-mono text-[10px] font-semibold text-slate-500 dark:text-slate-400">
                    {f.ruleId}
                  </span>
                  <span className="text-slate-800 dark:text-slate-200">{f.message}</span>
                </span>
              </li>
            );
          })}
          <More count={findings.length} />
        </ul>
      )}
    </section>
  );
}
