import { phone } from '../phone/phone';
import { requestCompose } from '../phone/composeRequest';
import { ColleagueList } from './ColleagueList';

/** The Kollegor view: a call or a message from the list opens the phone view; listening in stays here. */
export function ColleaguesView({ onShowPhone }: { onShowPhone(): void }) {
  return (
    <ColleagueList
      onCall={(uri) => {
        onShowPhone();
        phone.dial(uri);
      }}
      onMessage={(uri) => {
        requestCompose(uri);
        onShowPhone();
      }}
      onListenIn={(colleague) => void phone.listenIn(colleague.uri, colleague.name)}
    />
  );
}
