import { Table, TableBody, TableCell, TableHead, TableRow } from '../../../components/table';
import { ONS4_QUESTIONS } from '../../../../server/wellbeing/record-wellbeing';
import { todayInEngland } from '../../../../server/calendar/england-time';
import { load, pageCaller } from '../../../lib/guard';
import { formatDate } from '../../../lib/format';
import { PatientHeader } from '../patient-header';
import { WellbeingForm } from './wellbeing-form';

export const metadata = { title: 'Wellbeing' };

export default async function WellbeingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const scores = await load(caller.wellbeing.list({ patientId: id }));
  return (
    <>
      <PatientHeader summary={summary} access={summary.access} current="wellbeing" />
      <h2>Wellbeing (ONS4)</h2>
      <p>
        The four Office for National Statistics personal wellbeing questions, asked at the start (baseline) and again later (follow-up).
      </p>
      {scores.length === 0 ? (
        <p>No scores recorded yet.</p>
      ) : (
        <Table caption="Scores, newest first (0 to 10; for anxiety lower is better)" responsive>
          <TableHead>
            <TableRow>
              <TableCell>Answered</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Life satisfaction</TableCell>
              <TableCell>Worthwhile</TableCell>
              <TableCell>Happiness</TableCell>
              <TableCell>Anxiety</TableCell>
              <TableCell>Recorded by</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {scores.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{formatDate(s.answeredOn)}</TableCell>
                <TableCell>{s.kind === 'baseline' ? 'Baseline' : 'Follow-up'}</TableCell>
                <TableCell>{s.lifeSatisfaction}</TableCell>
                <TableCell>{s.worthwhile}</TableCell>
                <TableCell>{s.happiness}</TableCell>
                <TableCell>{s.anxiety}</TableCell>
                <TableCell>{s.recordedByName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {summary.may['wellbeing.record'] && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2>Record scores</h2>
            <WellbeingForm
              patientId={id}
              questions={ONS4_QUESTIONS}
              today={todayInEngland()}
              hasBaseline={scores.some((s) => s.kind === 'baseline')}
            />
          </div>
        </div>
      )}
    </>
  );
}
