import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { AppRoutes } from '../App.jsx';
import { AuthProvider } from '../auth/AuthContext.jsx';

let currentLocation;

function LocationProbe() {
  currentLocation = useLocation();
  return null;
}

/** Renders the whole app at `path`, as a signed-in or anonymous user depending on the stored session. */
export function renderApp(path) {
  const result = render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <AppRoutes />
        <LocationProbe />
      </AuthProvider>
    </MemoryRouter>,
  );
  return { ...result, location: () => currentLocation };
}
