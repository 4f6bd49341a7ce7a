/** Where each decision's outcome is announced, and where focus returns once its dialog closes. */
export const RESULT_ID = "decision-resultat";

export const focusResult = () => document.getElementById(RESULT_ID);

export interface DecisionDialogProps {
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}
