import { ref } from 'vue';
import { useMutation } from '@urql/vue';
import { logoutMutation } from './access.queries';

/**
 * Logs out on the server, then reloads the console at /login: a full load drops every cached
 * answer of this user, so the next one to sign in on this browser sees nothing of theirs.
 * Used by the header and the account page.
 */
export function useLogout() {
  const { executeMutation } = useMutation(logoutMutation);
  const loggingOut = ref(false);
  async function logout(): Promise<void> {
    loggingOut.value = true;
    await executeMutation({});
    window.location.assign('/login');
  }
  return { logout, loggingOut };
}
