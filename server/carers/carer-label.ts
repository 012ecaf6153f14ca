/**
 * A carer named with how they are related to the person: "Jane Smith (sister)". A consent's carer
 * name often says so already ("Jane Smith (sister)"): then it is shown as it is, never
 * "Jane Smith (sister) (Sister)".
 */
export function withRelationship(name: string, relationship: string): string {
  const related = relationship.trim();
  if (!related || name.toLowerCase().includes(`(${related.toLowerCase()})`)) return name;
  return `${name} (${related})`;
}
