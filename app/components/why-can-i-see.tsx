/** "Why can I see this?": the rule that let the viewer in, in plain words, on every page showing a person. */
export function WhyCanISee({ explanation }: { explanation: string }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Why can I see this?</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>{explanation}</p>
        <p>Every time you open or change this it is recorded with your name, role and organisation.</p>
      </div>
    </details>
  );
}
