import { countText } from '../model/plural';
import { useElementFindings } from '../store/findings';
import { ElementFindingsList } from './FindingsPanel';
import { Section } from './fields';

/**
 * The findings of the element in the inspector: subscribed to that element's list only, so a
 * validation that leaves them as they were re-renders nothing here.
 */
export function ElementFindings({ elementId }: { elementId: string }) {
  const count = useElementFindings(elementId).length;
  return (
    <Section title={`Findings (${countText(count)})`}>
      <div className="-mx-4">
        <ElementFindingsList elementId={elementId} />
      </div>
    </Section>
  );
}
