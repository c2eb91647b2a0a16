import '../common/base.css';
// Placeholder until the dashboard lands.
document.getElementById('main')!.textContent = 'Dashboard';
