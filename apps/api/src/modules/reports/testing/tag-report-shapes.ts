/** Reports by or on a tag: by tag in each bucket, a tag split by a column, a tag and a channel. */
export function tagCases(
  period: string,
  [tag, other]: readonly [string, string],
  inbox: string,
  operator: string,
): string[] {
  const two = `tagId=${tag}&tagId=${other}`;
  return [
    `${period}&groupBy=tag`,
    `${period}&groupBy=operator&tagId=${tag}`,
    `${period}&groupBy=tag&bucket=week&businessHours=true`,
    `${period}&groupBy=channel&tagId=${tag}&bucket=month`,
    `${period}&groupBy=tag&inboxId=${inbox}`,
    `${period}&tagId=${tag}&channel=api&businessHours=true`,
    `${period}&groupBy=tag&tagId=${tag}&operatorId=${operator}`,
    // A tag with two or three columns: the quad cells.
    `${period}&groupBy=team&tagId=${tag}&operatorId=${operator}`,
    `${period}&groupBy=tag&inboxId=${inbox}&operatorId=${operator}&bucket=week`,
    `${period}&groupBy=channel&tagId=${tag}&operatorId=${operator}&businessHours=true`,
    `${period}&groupBy=operator&tagId=${tag}&inboxId=${inbox}&channel=api`,
    // Two tags at once: a conversation with both counts once.
    `${period}&${two}&groupBy=operator`,
    `${period}&${two}&groupBy=tag&bucket=week`,
    `${period}&${two}&inboxId=${inbox}&businessHours=true`,
    `${period}&${two}&groupBy=channel&operatorId=${operator}&bucket=month`,
  ];
}
