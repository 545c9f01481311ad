/** A valid "uusi asia" (OHL 16 §) submit about one pupil, as the form card sends it. */
export function referral(pupil: { name: string; class: string; description: string }): Record<string, unknown> {
  return {
    formId: 'uusi-asia',
    school: 'koivurinne',
    pupilName: pupil.name,
    pupilClass: pupil.class,
    initiator: 'opettaja',
    reason: 'tunne-elama',
    description: pupil.description,
    madeWith: 'pupil',
    pupilInformed: 'true',
    guardianInformed: 'true',
    urgency: 'normal',
    target: 'kuraattori',
  };
}
