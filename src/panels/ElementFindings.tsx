import { useFindings } from '../store/findings';
import { ElementFindingsList } from './FindingsPanel';
import { Section } from './fields';

export function ElementFindings({ elementId }: { elementId: string }) {
  const count = (useFindings().byElement.get(elementId) ?? []).length;
  return (
    <Section title={`Findings (${count})`}>
      <div className="-mx-4">
        <ElementFindingsList elementId={elementId} />
      </div>
    </Section>
  );
}
