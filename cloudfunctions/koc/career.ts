// The koc function's career help actions (server/koc/career.ts).
import { careerInput } from '../../core/contracts/koc-career';
import { action } from '../../server/define';
import * as career from '../../server/koc/career';

export const careerActions = {
  postInternship: action({ input: careerInput.postInternship, run: career.postInternship }),
  closeInternship: action({ input: careerInput.closeInternship, run: career.closeInternship }),
  myInternships: action({ input: careerInput.myInternships, run: (ctx) => career.myInternships(ctx) }),
  internships: action({ input: careerInput.internships, run: (ctx) => career.internships(ctx) }),
  applyInternship: action({ input: careerInput.applyInternship, run: career.applyInternship }),
  internshipApplicants: action({ input: careerInput.internshipApplicants, run: career.internshipApplicants }),
  requestLetter: action({ input: careerInput.requestLetter, run: career.requestLetter }),
  letterRequests: action({ input: careerInput.letterRequests, run: (ctx) => career.letterRequests(ctx) }),
  writeLetter: action({ input: careerInput.writeLetter, run: career.writeLetter }),
  myLetters: action({ input: careerInput.myLetters, run: (ctx) => career.myLetters(ctx) }),
};
