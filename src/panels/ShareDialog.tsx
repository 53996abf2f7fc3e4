import { Check, Copy, FileDown, Lock, TriangleAlert } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { LiveRoomSection } from '../collab/ui/LiveRoomSection';
import { useStudio } from '../store/studio';
import { notify } from '../store/ui';
import { buttonClass, primaryButtonClass } from './fields';
import { copyText, downloadDesignFile, LONG_LINK_CHARS, shareLinkFor } from '../app/importExport';
import { Modal } from './Modal';

/** "Copy link": the whole design in the link's fragment, which browsers never send to a server. */
export function ShareDialog() {
  const design = useStudio((s) => s.design);
  const readOnly = useStudio((s) => s.readOnly);
  // Sharing a design one was only allowed to view stays view-only unless asked otherwise.
  const [viewOnly, setViewOnly] = useState(readOnly);
  const [copied, setCopied] = useState(false);
  const link = useMemo(() => shareLinkFor(design, viewOnly), [design, viewOnly]);
  const field = useRef<HTMLTextAreaElement>(null);
  const long = link.length > LONG_LINK_CHARS;

  const copy = async () => {
    if (await copyText(link)) {
      setCopied(true);
      notify('success', viewOnly ? 'View-only link copied.' : 'Link copied.');
      return;
    }
    // No clipboard access (permissions, plain http): select it for Ctrl+C instead.
    field.current?.focus();
    field.current?.select();
    notify('info', 'The browser did not allow copying: the link is selected, press Ctrl+C.');
  };

  return (
    <Modal
      title="Share a link"
      testId="dialog.share"
      footer={
        <button
          type="button"
          className={primaryButtonClass}
          data-testid="share.copy"
          onClick={() => void copy()}
        >
          {copied ? (
            <Check className="h-4 w-4" aria-hidden />
          ) : (
            <Copy className="h-4 w-4" aria-hidden />
          )}
          {copied ? 'Copied' : 'Copy link'}
        </button>
      }
    >
      <p className="mb-3">
        The link holds the whole design. It travels after the <code>#</code>, which browsers keep to
        themselves: opening it sends nothing to a server.
      </p>
      <label className="mb-1 flex items-baseline justify-between text-xs font-medium text-slate-600 dark:text-slate-400">
        <span>Link</span>
        <span data-testid="share.length" className={long ? 'font-semibold text-amber-700' : ''}>
          {link.length.toLocaleString('en-US')} characters
        </span>
      </label>
      <textarea
        ref={field}
        readOnly
        data-testid="share.link"
        aria-label="Share link"
        value={link}
        rows={4}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        className="w-full resize-none rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-[11px] leading-4 break-all text-slate-700 outline-none focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-300"
      />
      <label className="mt-3 flex items-start gap-2">
        <input
          type="checkbox"
          data-testid="share.viewOnly"
          className="mt-0.5 h-4 w-4 accent-teal-700"
          checked={viewOnly}
          onChange={(e) => {
            setViewOnly(e.target.checked);
            setCopied(false);
          }}
        />
        <span>
          <span className="inline-flex items-center gap-1 font-medium text-slate-800 dark:text-slate-200">
            <Lock className="h-3.5 w-3.5" aria-hidden /> View only
          </span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            Opens for panning, zooming, inspecting and reading findings. Recipients can still choose
            to edit a copy: it is a courtesy, not access control.
          </span>
        </span>
      </label>
      {long && (
        <div
          data-testid="share.long"
          className="mt-3 flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          <div>
            <p>
              This link is long ({link.length.toLocaleString('en-US')} characters). Chat apps, mail
              clients and ticket systems may cut links beyond{' '}
              {LONG_LINK_CHARS.toLocaleString('en-US')} characters, and a cut link will not open.
            </p>
            <button
              type="button"
              data-testid="share.download-file"
              className={`${buttonClass} mt-2`}
              onClick={() => downloadDesignFile(design)}
            >
              <FileDown className="h-3.5 w-3.5" aria-hidden /> Download the design file instead
            </button>
          </div>
        </div>
      )}
      <LiveRoomSection readOnly={readOnly} />
    </Modal>
  );
}
